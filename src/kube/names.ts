import { InputError } from '../core/errors'

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

/** A Helm release name: a DNS-1123 subdomain of at most 53 characters (Helm's own limit). */
export function validateReleaseName(value: string, input = 'release'): string {
  if (value.length > 53 || !DNS_SUBDOMAIN.test(value)) {
    throw new InputError(
      input,
      value,
      'a Helm release name: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, at most 53 characters'
    )
  }
  return value
}

/** A namespace name: a DNS-1123 label of at most 63 characters. */
export function validateNamespace(value: string, input = 'namespace'): string {
  if (value.length > 63 || !DNS_LABEL.test(value)) {
    throw new InputError(
      input,
      value,
      'a namespace name (DNS-1123 label): lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters'
    )
  }
  return value
}

/** An object name: a DNS-1123 subdomain of at most 253 characters. */
export function validateObjectName(value: string, input: string): string {
  if (value.length > 253 || !DNS_SUBDOMAIN.test(value)) {
    throw new InputError(
      input,
      value,
      'a Kubernetes object name: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters'
    )
  }
  return value
}
