/** Waiting for an MQTT.js client's first CONNACK — shared by the MQTT-based sources and sinks. */
import type { MqttClient } from 'mqtt';

/** Resolves on CONNACK; rejects on close (with the last error seen) or abort. Leaves no listeners behind. */
export function untilConnected(client: MqttClient, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let lastError: unknown;
    const done = (err?: unknown) => {
      client.off('connect', onConnect);
      client.off('error', onError);
      client.off('close', onClose);
      signal.removeEventListener('abort', onAbort);
      if (err === undefined) resolve();
      else reject(err);
    };
    const onConnect = () => done();
    const onError = (e: unknown) => (lastError = e);
    const onClose = () => done(lastError ?? new Error('the broker closed the connection'));
    const onAbort = () => done(new Error('aborted'));
    if (signal.aborted) return onAbort();
    client.on('connect', onConnect);
    client.on('error', onError);
    client.on('close', onClose);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
