// Server-sent events read with fetch(), so that the bearer token travels in the Authorization
// header (EventSource cannot send headers, and a token must never go in a URL).

/**
 * Parses the text/event-stream format (the WHATWG HTML standard, "server-sent events"): fields
 * id, event, data and retry; comments; lines ending in CRLF, LF or CR, split anywhere between
 * chunks. Calls onEvent({id, type, data}) for each complete event.
 */
export class EventStreamParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buffer = '';
    this.data = [];
    this.type = '';
    this.lastEventId = '';
    this.retry = null;
  }

  feed(chunk) {
    this.buffer += chunk;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      if (c === '\r' && i === this.buffer.length - 1) break; // a CRLF may be split between chunks
      this.line(this.buffer.slice(start, i));
      if (c === '\r' && this.buffer[i + 1] === '\n') i++;
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
  }

  line(line) {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.type = value;
    else if (field === 'id' && !value.includes('\u0000')) this.lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
  }

  dispatch() {
    if (this.data.length === 0) {
      this.type = '';
      return;
    }
    const event = { id: this.lastEventId, type: this.type || 'message', data: this.data.join('\n') };
    this.data = [];
    this.type = '';
    this.onEvent(event);
  }
}

/**
 * Follows an event stream: reconnects after a failure (honouring the server's retry, at most
 * every few seconds) and resumes with Last-Event-ID so that nothing is missed. onStatus receives
 * 'connecting', 'live', 'reconnecting' or 'unauthorized'.
 */
export function followEvents(url, { token, onEvent, onStatus = () => {}, lastEventId = '' }) {
  let stopped = false;
  let controller = null;
  let retry = 3000;
  let lastId = lastEventId;
  let connected = false;

  async function connect() {
    controller = new AbortController();
    const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${token}` };
    if (lastId) headers['Last-Event-ID'] = lastId;
    onStatus(connected ? 'reconnecting' : 'connecting');
    try {
      const response = await fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
      if (response.status === 401 || response.status === 403) {
        stopped = true;
        onStatus('unauthorized');
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      connected = true;
      onStatus('live');
      const parser = new EventStreamParser((event) => {
        lastId = event.id || lastId;
        onEvent(event);
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.feed(value);
        if (parser.retry !== null) retry = Math.min(Math.max(parser.retry, 500), 30000);
      }
    } catch (error) {
      if (stopped) return;
    }
    if (!stopped) {
      onStatus('reconnecting');
      setTimeout(connect, retry);
    }
  }

  connect();
  return {
    close() {
      stopped = true;
      if (controller) controller.abort();
    },
  };
}
