export const CONTENT_TYPE: string
export const DURATION_BUCKETS: number[]
export interface Metrics {
  observeRequest(o: { method: string; route: string; status: number; seconds: number }): void
  requestStarted(): void
  requestFinished(): void
  render(): string
}
export function createMetrics(options?: {
  name?: string
  version?: string
  startTime?: number
}): Metrics
