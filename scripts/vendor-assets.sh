#!/usr/bin/env bash
# Vendor front-end assets from the npm registry into the repository, so that
# nothing is fetched from a CDN at run time. Versions are pinned here; bump
# them, run this script, and commit the result.
#   htmx.org  -> tablee/static/vendor/htmx.min.js (served to browsers)
#   axe-core  -> tablee/testing/vendor/axe.min.js (browser tests only)
#   swagger-ui-dist -> tablee/static/vendor/swagger-ui/ (the API's /api/v1/docs page)
set -euo pipefail
cd "$(dirname "$0")/.."
HTMX_VERSION="2.0.11"
AXE_VERSION="4.14.1"
SWAGGER_UI_VERSION="5.35.0"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "htmx.org@${HTMX_VERSION}" "axe-core@${AXE_VERSION}" "swagger-ui-dist@${SWAGGER_UI_VERSION}" >/dev/null)
mkdir -p "$work/htmx" "$work/axe" "$work/swagger" tablee/static/vendor/swagger-ui tablee/testing/vendor
tar -xzf "$work/htmx.org-${HTMX_VERSION}.tgz" -C "$work/htmx"
tar -xzf "$work/axe-core-${AXE_VERSION}.tgz" -C "$work/axe"
tar -xzf "$work/swagger-ui-dist-${SWAGGER_UI_VERSION}.tgz" -C "$work/swagger"
cp "$work/htmx/package/dist/htmx.min.js" tablee/static/vendor/htmx.min.js
cp "$work/htmx/package/LICENSE" tablee/static/vendor/htmx.LICENSE
cp "$work/axe/package/axe.min.js" tablee/testing/vendor/axe.min.js
cp "$work/axe/package/LICENSE" tablee/testing/vendor/axe.LICENSE
# Only the bundle and its stylesheet: the page's start-up code is our own
# static file (tablee/static/tablee/api-docs.js), so no inline script is needed.
cp "$work/swagger/package/swagger-ui-bundle.js" tablee/static/vendor/swagger-ui/swagger-ui-bundle.js
cp "$work/swagger/package/swagger-ui.css" tablee/static/vendor/swagger-ui/swagger-ui.css
cp "$work/swagger/package/LICENSE" tablee/static/vendor/swagger-ui/LICENSE
# Source maps are not vendored; a dangling reference breaks the hashed
# static-files manifest (collectstatic) in production.
sed -i '/sourceMappingURL=/d' tablee/static/vendor/swagger-ui/swagger-ui.css
cat > tablee/static/vendor/VERSIONS <<EOV
htmx.org ${HTMX_VERSION}
axe-core ${AXE_VERSION}
swagger-ui-dist ${SWAGGER_UI_VERSION}
EOV
cp tablee/static/vendor/VERSIONS tablee/testing/vendor/VERSIONS
echo "Vendored htmx.org ${HTMX_VERSION}, axe-core ${AXE_VERSION} and swagger-ui-dist ${SWAGGER_UI_VERSION}."

# organizations: cytoscape -> tablee/organizations/static/organizations/vendor/
# (the relations network view; its start-up code is organizations/network.js).
CYTOSCAPE_VERSION="3.33.1"
cyto_work=$(mktemp -d)
(cd "$cyto_work" && npm pack --silent "cytoscape@${CYTOSCAPE_VERSION}" >/dev/null)
mkdir -p "$cyto_work/cytoscape" tablee/organizations/static/organizations/vendor
tar -xzf "$cyto_work/cytoscape-${CYTOSCAPE_VERSION}.tgz" -C "$cyto_work/cytoscape"
cp "$cyto_work/cytoscape/package/dist/cytoscape.min.js" tablee/organizations/static/organizations/vendor/cytoscape.min.js
cp "$cyto_work/cytoscape/package/LICENSE" tablee/organizations/static/organizations/vendor/cytoscape.LICENSE
sed -i '/sourceMappingURL=/d' tablee/organizations/static/organizations/vendor/cytoscape.min.js
echo "cytoscape ${CYTOSCAPE_VERSION}" > tablee/organizations/static/organizations/vendor/VERSIONS
rm -rf "$cyto_work"
echo "Vendored cytoscape ${CYTOSCAPE_VERSION}."
