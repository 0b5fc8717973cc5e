{{/*
One app's objects, all in the app's own namespace: ServiceAccount, Deployment, Service,
HorizontalPodAutoscaler, PodDisruptionBudget, Ingress (its path on the shared host) and
the NetworkPolicy that lets the ingress controller in.
  include "k8s-stack.app" (dict "root" $ "name" "backend" "envFrom" (list ...) "checksums" (dict ...))
*/}}
{{- define "k8s-stack.app" -}}
{{- $root := .root -}}
{{- $name := .name -}}
{{- $app := index $root.Values $name -}}
{{- $ns := include "k8s-stack.namespace" (list $root $name) -}}
{{- $ctx := list $root $name -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ $name }}
  namespace: {{ $ns }}
  labels:
    {{- include "k8s-stack.labels" $ctx | nindent 4 }}
# The apps never call the Kubernetes API: no token in their pods.
automountServiceAccountToken: false
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  namespace: {{ $ns }}
  labels:
    {{- include "k8s-stack.labels" $ctx | nindent 4 }}
spec:
  {{- if not $app.autoscaling.enabled }}
  # Only without an HPA: with one, a replicas field would reset its scaling on every upgrade.
  replicas: {{ $app.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "k8s-stack.selectorLabels" $ctx | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  template:
    metadata:
      labels:
        {{- include "k8s-stack.labels" $ctx | nindent 8 }}
      {{- with .checksums }}
      annotations:
        {{- range $k, $v := . }}
        checksum/{{ $k }}: {{ $v }}
        {{- end }}
      {{- end }}
    spec:
      serviceAccountName: {{ $name }}
      automountServiceAccountToken: false
      enableServiceLinks: false
      terminationGracePeriodSeconds: {{ $app.terminationGracePeriodSeconds }}
      securityContext:
        runAsNonRoot: true
        runAsUser: {{ $app.uid }}
        runAsGroup: {{ $app.uid }}
        fsGroup: {{ $app.uid }}
        seccompProfile:
          type: RuntimeDefault
      {{- with $app.imagePullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      {{- with $app.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $app.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $app.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      # Spread replicas over nodes so one node loss never takes the app down.
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "k8s-stack.selectorLabels" $ctx | nindent 14 }}
      containers:
        - name: {{ $name }}
          image: {{ include "k8s-stack.image" (list $root $app) | quote }}
          imagePullPolicy: {{ $app.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ $app.containerPort }}
              protocol: TCP
          {{- with .envFrom }}
          envFrom:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          {{- with $app.env }}
          env:
            {{- range $k, $v := . }}
            - name: {{ $k }}
              value: {{ $v | toString | quote }}
            {{- end }}
          {{- end }}
          resources:
            {{- toYaml $app.resources | nindent 12 }}
          # Startup gives a slow start room; liveness only restarts a hung process;
          # readiness takes the pod out of the Service (dependencies down, shutting down).
          startupProbe:
            httpGet:
              path: {{ $app.probes.liveness.path }}
              port: http
            periodSeconds: 2
            failureThreshold: 30
            timeoutSeconds: 2
          livenessProbe:
            httpGet:
              path: {{ $app.probes.liveness.path }}
              port: http
            periodSeconds: 10
            timeoutSeconds: 2
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: {{ $app.probes.readiness.path }}
              port: http
            periodSeconds: 5
            timeoutSeconds: 2
            failureThreshold: 2
          {{- if gt (int $app.preStopSleepSeconds) 0 }}
          lifecycle:
            preStop:
              sleep:
                seconds: {{ $app.preStopSleepSeconds }}
          {{- end }}
          securityContext:
            runAsNonRoot: true
            runAsUser: {{ $app.uid }}
            runAsGroup: {{ $app.uid }}
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            privileged: false
            capabilities:
              drop: ["ALL"]
            seccompProfile:
              type: RuntimeDefault
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        # The only writable path (nginx pid and temp files); memory-backed, bounded.
        - name: tmp
          emptyDir:
            medium: Memory
            sizeLimit: 16Mi
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $name }}
  namespace: {{ $ns }}
  labels:
    {{- include "k8s-stack.labels" $ctx | nindent 4 }}
spec:
  # Internal only: traffic enters through the ingress controller.
  type: ClusterIP
  selector:
    {{- include "k8s-stack.selectorLabels" $ctx | nindent 4 }}
  ports:
    - name: http
      port: {{ $app.servicePort }}
      targetPort: http
      protocol: TCP
{{- if $app.autoscaling.enabled }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ $name }}
  namespace: {{ $ns }}
  labels:
    {{- include "k8s-stack.labels" $ctx | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ $name }}
  minReplicas: {{ $app.autoscaling.minReplicas }}
  maxReplicas: {{ $app.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $app.autoscaling.targetCPUUtilizationPercentage }}
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
{{- end }}
{{- if $app.pdb.enabled }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ $name }}
  namespace: {{ $ns }}
  labels:
    {{- include "k8s-stack.labels" $ctx | nindent 4 }}
spec:
  # maxUnavailable, not minAvailable: it never blocks node drains at any replica count.
  maxUnavailable: {{ $app.pdb.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "k8s-stack.selectorLabels" $ctx | nindent 6 }}
{{- end }}
{{- if $root.Values.ingress.enabled }}
---
# One Ingress per app namespace on the same host: an Ingress can only route to Services of
# its own namespace, and ingress-nginx merges the paths of every Ingress for a host.
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ $name }}
  namespace: {{ $ns }}
  labels:
    {{- include "k8s-stack.labels" $ctx | nindent 4 }}
  {{- $annotations := deepCopy ($root.Values.ingress.annotations | default dict) }}
  {{- if $root.Values.ingress.tls.enabled }}
  {{- $_ := set $annotations "nginx.ingress.kubernetes.io/force-ssl-redirect" "true" }}
  {{- if $root.Values.ingress.tls.clusterIssuer }}
  {{- $_ := set $annotations "cert-manager.io/cluster-issuer" $root.Values.ingress.tls.clusterIssuer }}
  {{- end }}
  {{- end }}
  {{- with $annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  ingressClassName: {{ $root.Values.ingress.className }}
  {{- if $root.Values.ingress.tls.enabled }}
  tls:
    - hosts:
        - {{ $root.Values.ingress.host | quote }}
      secretName: {{ $root.Values.ingress.tls.secretName }}
  {{- end }}
  rules:
    - host: {{ $root.Values.ingress.host | quote }}
      http:
        paths:
          # Prefix without rewrite: /api/status reaches the backend as /api/status.
          - path: {{ $app.ingressPath }}
            pathType: Prefix
            backend:
              service:
                name: {{ $name }}
                port:
                  name: http
{{- end }}
{{- if $root.Values.networkPolicy.enabled }}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ $name }}-allow-ingress-controller
  namespace: {{ $ns }}
  labels:
    {{- include "k8s-stack.labels" $ctx | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "k8s-stack.selectorLabels" $ctx | nindent 6 }}
  policyTypes: ["Ingress"]
  ingress:
    - from:
        # kubernetes.io/metadata.name is set by the API server on every namespace; a
        # hand-made `name` label is not.
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ include "k8s-stack.ingressControllerNamespace" $root }}
          {{- with $root.Values.networkPolicy.ingressControllerPodLabels }}
          podSelector:
            matchLabels:
              {{- toYaml . | nindent 14 }}
          {{- end }}
      ports:
        - port: http
          protocol: TCP
---
# Zero trust: nothing in or out of the namespace unless a policy allows it.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-all
  namespace: {{ $ns }}
  labels:
    {{- include "k8s-stack.labels" $ctx | nindent 4 }}
spec:
  podSelector: {}
  policyTypes: ["Ingress", "Egress"]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-dns-egress
  namespace: {{ $ns }}
  labels:
    {{- include "k8s-stack.labels" $ctx | nindent 4 }}
spec:
  podSelector: {}
  policyTypes: ["Egress"]
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $root.Values.networkPolicy.dns.namespace }}
          {{- with $root.Values.networkPolicy.dns.podLabels }}
          podSelector:
            matchLabels:
              {{- toYaml . | nindent 14 }}
          {{- end }}
      ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
{{- end }}
{{- end -}}
