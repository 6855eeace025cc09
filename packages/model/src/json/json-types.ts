// One JSON type for the whole SDK: rest-core owns it, the model re-exports the same symbols.
export { isJsonObject, type JsonObject, type JsonValue } from '@c8y/rest-core';
