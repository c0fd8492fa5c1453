/** The OpenAPI description of every endpoint ({@code /openapi.yaml}) and its Swagger UI page ({@code /docs}). */
package dev.chatbot.docs;
