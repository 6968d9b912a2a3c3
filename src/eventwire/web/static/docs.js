// The API reference: Swagger UI from the swagger-ui-bundle-v2 package (served by the app
// itself, so /docs works offline), over the app's own OpenAPI document.
window.addEventListener("load", () => {
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
