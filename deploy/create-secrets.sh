#!/usr/bin/env bash
# Makes the secrets the manifests refer to and the operators do not generate, in the namespace (default program287g),
# on the cluster kubectl points at. A secret that exists is left as it is, so running this again rotates nothing.
#
#   PROGRAM287G_SMTP='smtp://user:password@relay.example.gov:587' \
#   PROGRAM287G_MAILBOX='imaps://program287g:password@imap.example.gov/INBOX' \
#   PROGRAM287G_AGREEMENT_CLIENT_SECRET=... PROGRAM287G_NOMINEE_CLIENT_SECRET=... \
#   PROGRAM287G_NOTIFICATION_CLIENT_SECRET=... \
#   deploy/create-secrets.sh [namespace]
#
# postgres-<service>           username, password (kubernetes.io/basic-auth): the service's PostgreSQL role, read by
#                              CloudNativePG's managed role and by the service (generated; one per service)
# program287g-mail             smtp: ConnectionStrings__smtp (required); mailbox: ConnectionStrings__mailbox (optional)
# program287g-client-<service> client-secret: Auth__ClientSecret of agreement, nominee and notification, the services
#                              that call others: the secret of the client (base/clients.env) the OpenID Connect issuer
#                              gave that service (required; from PROGRAM287G_<SERVICE>_CLIENT_SECRET)
# The values are taken from the environment and handed to kubectl through pipes, never as arguments (which other
# users of the machine can read). Everything asked for is checked before anything is made.
# The RabbitMQ operator generates messaging-default-user, CloudNativePG generates postgres-ca. No pod reads a signing
# key: the services trust the issuer, and refuse the development key in a deployment.
set -euo pipefail
namespace="${1:-program287g}"
callers=(agreement nominee notification)

exists() { kubectl -n "$namespace" get secret "$1" >/dev/null 2>&1; }
random() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }
apply() { kubectl -n "$namespace" apply -f - >/dev/null; echo "created $1"; }
client_variable() { echo "PROGRAM287G_${1^^}_CLIENT_SECRET"; }

kubectl create namespace "$namespace" --dry-run=client -o yaml | kubectl apply -f - >/dev/null

missing=()
if ! exists program287g-mail && [ -z "${PROGRAM287G_SMTP:-}" ]; then
  missing+=("PROGRAM287G_SMTP: the SMTP server's connection string, smtp://host:port or smtps://...")
fi
for service in "${callers[@]}"; do
  variable="$(client_variable "$service")"
  if ! exists "program287g-client-$service" && [ -z "${!variable:-}" ]; then
    missing+=("$variable: the client secret the OpenID Connect issuer gave $service")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  printf 'not set: %s\n' "${missing[@]}" >&2
  exit 2
fi

for service in agency agreement nominee notification; do
  name="postgres-$service"
  if exists "$name"; then echo "kept $name"; continue; fi
  # Hex, so that the password needs no escaping inside the Npgsql connection string built from it.
  kubectl -n "$namespace" create secret generic "$name" --type=kubernetes.io/basic-auth \
    --from-literal="username=$service" --from-file=password=<(random 24) --dry-run=client -o yaml \
    | kubectl label --local -f - cnpg.io/reload=true -o yaml | apply "$name"
done

if exists program287g-mail; then echo "kept program287g-mail"; else
  if [ -n "${PROGRAM287G_MAILBOX:-}" ]; then
    kubectl -n "$namespace" create secret generic program287g-mail --from-file=smtp=<(printf %s "$PROGRAM287G_SMTP") \
      --from-file=mailbox=<(printf %s "$PROGRAM287G_MAILBOX") --dry-run=client -o yaml | apply program287g-mail
  else
    kubectl -n "$namespace" create secret generic program287g-mail --from-file=smtp=<(printf %s "$PROGRAM287G_SMTP") \
      --dry-run=client -o yaml | apply program287g-mail
  fi
fi

for service in "${callers[@]}"; do
  name="program287g-client-$service"
  if exists "$name"; then echo "kept $name"; continue; fi
  variable="$(client_variable "$service")"
  kubectl -n "$namespace" create secret generic "$name" --from-file=client-secret=<(printf %s "${!variable}") \
    --dry-run=client -o yaml | apply "$name"
done

# Earlier manifests gave every pod a signing key from program287g-auth; nothing reads it now. Left for the operator to
# delete, as this script deletes nothing.
if exists program287g-auth; then
  echo "program287g-auth is no longer read by any pod: kubectl -n $namespace delete secret program287g-auth" >&2
fi
