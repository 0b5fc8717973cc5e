{{/* Chart name and version for the helm.sh/chart label. */}}
{{- define "k8s-stack.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Namespace of a component: include "k8s-stack.namespace" (list $ "backend") */}}
{{- define "k8s-stack.namespace" -}}
{{- $root := index . 0 -}}
{{- (index $root.Values.namespaces (index . 1)).name -}}
{{- end -}}

{{/* Namespace of the ingress controller, for NetworkPolicy selectors. */}}
{{- define "k8s-stack.ingressControllerNamespace" -}}
{{- .Values.networkPolicy.ingressControllerNamespace | default .Values.namespaces.ingress.name -}}
{{- end -}}

{{/* Image tag shown in labels: the tag, or the chart's appVersion. */}}
{{- define "k8s-stack.imageTag" -}}
{{- $app := index . 1 -}}
{{- $app.image.tag | default (index . 0).Chart.AppVersion -}}
{{- end -}}

{{/* Image reference: repository@digest when a digest is given, else repository:tag. */}}
{{- define "k8s-stack.image" -}}
{{- $app := index . 1 -}}
{{- if $app.image.digest -}}
{{- printf "%s@%s" $app.image.repository $app.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $app.image.repository (include "k8s-stack.imageTag" .) -}}
{{- end -}}
{{- end -}}

{{/* Selector labels of a component: include "k8s-stack.selectorLabels" (list $ "backend") */}}
{{- define "k8s-stack.selectorLabels" -}}
{{- $root := index . 0 -}}
app.kubernetes.io/name: {{ index . 1 }}
app.kubernetes.io/instance: {{ $root.Release.Name }}
{{- end -}}

{{/* Recommended labels of a component's objects. */}}
{{- define "k8s-stack.labels" -}}
{{- $root := index . 0 -}}
{{- $name := index . 1 -}}
{{ include "k8s-stack.selectorLabels" . }}
app.kubernetes.io/component: {{ $name }}
app.kubernetes.io/part-of: k8s-stack
app.kubernetes.io/managed-by: {{ $root.Release.Service }}
helm.sh/chart: {{ include "k8s-stack.chart" $root }}
{{- $app := index $root.Values $name | default dict }}
{{- if $app.image }}
app.kubernetes.io/version: {{ include "k8s-stack.imageTag" (list $root $app) | trunc 63 | trimSuffix "-" | trimSuffix "." | quote }}
{{- end }}
{{- end -}}

{{/* Labels of chart-wide objects (namespaces, shared policies). */}}
{{- define "k8s-stack.commonLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: k8s-stack
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ include "k8s-stack.chart" . }}
{{- end -}}

{{/* Name of the Secret the backend reads with envFrom. */}}
{{- define "k8s-stack.backendSecretName" -}}
{{- .Values.backend.existingSecret | default "backend-secrets" -}}
{{- end -}}

{{/* Whether the monitoring objects render: enabled and the CRDs served. */}}
{{- define "k8s-stack.monitoringEnabled" -}}
{{- if and .Values.monitoring.enabled .Values.backend.enabled (.Capabilities.APIVersions.Has "monitoring.coreos.com/v1") -}}true{{- end -}}
{{- end -}}
