import type { ApolloServerPlugin, BaseContext } from "@apollo/server";

/**
 * Every answer carries `Cache-Control: no-store`: answers hold participants' data, which no browser or
 * proxy may keep. The schema declares no cache hints, so Apollo's cache-control plugin (installed by
 * default) could only ever compute this same header, at the price of a wrapper around every resolver;
 * the service turns that plugin off and sets the header once per request here.
 */
export function neverCached<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set("cache-control", "no-store");
        },
      };
    },
  };
}
