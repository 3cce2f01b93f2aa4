import RequestClient from 'twilio/lib/base/RequestClient';

/** Where Twilio's REST API lives; the client's own default. */
export const TWILIO_API_BASE = 'https://api.twilio.com';

/**
 * twilio-node's own HTTP client (auth header, form encoding, timeouts all as the library does them),
 * sending to another API base: a stand-in for api.twilio.com in tests and offline runs. The library's
 * `edge`/`region` options only rename *.twilio.com hosts, and its `httpClient` option is the documented
 * way to change transport, so this subclass rewrites scheme, host and port of each request and nothing else.
 */
export class ApiBaseRequestClient extends RequestClient {
  private readonly base: URL;

  constructor(apiBase: string, options: RequestClient.RequestClientOptions = {}) {
    super(options);
    this.base = new URL(apiBase);
    if (this.base.pathname !== '/' || this.base.search)
      throw new Error(`Twilio API base ${apiBase}: expected scheme, host and port only`);
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = new URL(opts.uri);
    uri.protocol = this.base.protocol;
    uri.host = this.base.host;
    return super.request({ ...opts, uri: uri.href });
  }
}
