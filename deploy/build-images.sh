#!/usr/bin/env bash
# Builds the four service images (program287g/agency, /agreement, /nominee, /notification) with the .NET SDK's own
# container support: `dotnet publish -t:PublishContainer`, no Dockerfile. What the images are (base, user, ports,
# labels) is set once in services/Directory.Build.props.
#
#   deploy/build-images.sh                         # into the local Docker (or Podman) engine
#   deploy/build-images.sh --registry ghcr.io/org  # pushed to a registry (docker login first), as REGISTRY/program287g/NAME
#   deploy/build-images.sh --archive out/          # OCI tarballs in out/, no container engine needed (the base image is still pulled)
#
# Options: --tag TAG (default VERSION-COMMIT, e.g. 0.1.0-4107919; also DIRTY when the tree has changes),
# --version V (org.opencontainers.image.version; default the Version in services/Directory.Build.props),
# --source URL (org.opencontainers.image.source, where the git remote is no URL), --service NAME (repeatable: only those).
# Ends by printing the kustomize `images:` lines that point an overlay at what it built.
set -euo pipefail
cd "$(dirname "$0")/.."

services=()
registry="" archive="" tag="" version="" source_url=""
while [ $# -gt 0 ]; do
  case "$1" in
    --registry) registry="$2"; shift 2 ;;
    --archive) archive="$2"; shift 2 ;;
    --tag) tag="$2"; shift 2 ;;
    --version) version="$2"; shift 2 ;;
    --source) source_url="$2"; shift 2 ;;
    --service) services+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ ${#services[@]} -gt 0 ] || services=(agency agreement nominee notification)

if [ -z "$version" ]; then
  version="$(dotnet msbuild services/Agency/Program287g.Agency.csproj -nologo -getProperty:Version)"
fi
if [ -z "$tag" ]; then
  commit="$(git rev-parse --short=7 HEAD)"
  tag="${version}-${commit}"
  if [ -n "$(git status --porcelain)" ]; then
    tag="${tag}-dirty"
  fi
fi

declare -A projects=(
  [agency]=services/Agency/Program287g.Agency.csproj
  [agreement]=services/Agreement/Program287g.Agreement.csproj
  [nominee]=services/Nominee/Program287g.Nominee.csproj
  [notification]=services/Notification/Program287g.Notification.csproj
)

for service in "${services[@]}"; do
  project="${projects[$service]:-}"
  if [ -z "$project" ]; then
    echo "unknown service: $service (agency, agreement, nominee, notification)" >&2
    exit 2
  fi
  args=(-c Release -nologo -t:PublishContainer "-p:Version=$version" "-p:ContainerImageTags=$tag")
  [ -n "$registry" ] && args+=("-p:ContainerRegistry=$registry")
  [ -n "$archive" ] && { mkdir -p "$archive"; args+=("-p:ContainerArchiveOutputPath=$(cd "$archive" && pwd)/$service.tar.gz"); }
  [ -n "$source_url" ] && args+=("-p:RepositoryUrl=$source_url")
  echo "== program287g/$service:$tag"
  dotnet publish "$project" "${args[@]}"
done

echo
echo "Built ${#services[@]} image(s) tagged $tag. For deploy/overlays/<name>/kustomization.yaml:"
echo "images:"
for service in "${services[@]}"; do
  echo "  - name: program287g/$service"
  [ -n "$registry" ] && echo "    newName: $registry/program287g/$service"
  echo "    newTag: \"$tag\""
done
