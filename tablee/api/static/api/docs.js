// Start Swagger UI on /api/v1/docs. Kept in a static file: the
// Content-Security-Policy forbids inline scripts.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("swagger-ui");
    if (!root || typeof window.SwaggerUIBundle !== "function") { return; }
    window.SwaggerUIBundle({
      url: root.getAttribute("data-openapi-url"),
      domNode: root,
      layout: "BaseLayout",
      deepLinking: true,
      persistAuthorization: false,
      presets: [window.SwaggerUIBundle.presets.apis]
    });
  });
})();
