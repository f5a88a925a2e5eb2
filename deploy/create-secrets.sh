#!/usr/bin/env bash
# Makes the secrets the manifests refer to and the operators do not generate, in the namespace (default program287g),
# on the cluster kubectl points at. A secret that exists is left as it is, so running this again rotates nothing.
#
#   PROGRAM287G_SMTP='smtp://user:password@relay.example.gov:587' \
#   PROGRAM287G_MAILBOX='imaps://program287g:password@imap.example.gov/INBOX' \
#   deploy/create-secrets.sh [namespace]
#
# program287g-auth       signing-key: the HS256 key internal callers sign their tokens with (generated)
# postgres-<service>     username, password (kubernetes.io/basic-auth): the service's PostgreSQL role, read by
#                        CloudNativePG's managed role and by the service (generated; one per service)
# program287g-mail       smtp: ConnectionStrings__smtp (required); mailbox: ConnectionStrings__mailbox (optional)
# The values are taken from the environment and handed to kubectl through pipes, never as arguments (which other
# users of the machine can read).
# The RabbitMQ operator generates messaging-default-user, CloudNativePG generates postgres-ca.
set -euo pipefail
namespace="${1:-program287g}"

exists() { kubectl -n "$namespace" get secret "$1" >/dev/null 2>&1; }
random() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }
apply() { kubectl -n "$namespace" apply -f - >/dev/null; echo "created $1"; }

kubectl create namespace "$namespace" --dry-run=client -o yaml | kubectl apply -f - >/dev/null

if exists program287g-auth; then echo "kept program287g-auth"; else
  kubectl -n "$namespace" create secret generic program287g-auth --from-file=signing-key=<(random 32) \
    --dry-run=client -o yaml | apply program287g-auth
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
  if [ -z "${PROGRAM287G_SMTP:-}" ]; then
    echo "PROGRAM287G_SMTP is not set: the SMTP server's connection string, smtp://host:port or smtps://..." >&2
    exit 2
  fi
  if [ -n "${PROGRAM287G_MAILBOX:-}" ]; then
    kubectl -n "$namespace" create secret generic program287g-mail --from-file=smtp=<(printf %s "$PROGRAM287G_SMTP") \
      --from-file=mailbox=<(printf %s "$PROGRAM287G_MAILBOX") --dry-run=client -o yaml | apply program287g-mail
  else
    kubectl -n "$namespace" create secret generic program287g-mail --from-file=smtp=<(printf %s "$PROGRAM287G_SMTP") \
      --dry-run=client -o yaml | apply program287g-mail
  fi
fi
