import { describe, expect, it } from 'vitest';
import { demoBanner } from './demo-banner.js';

describe('demo banner', () => {
  it('prints the read-only UNS login and what each broker login may do', () => {
    const banner = demoBanner('http://127.0.0.1:8080', [{ kind: 'sparkplug', pid: 4242, endpoint: 'mqtt://127.0.0.1:41883' }] as never, { port: 41883, username: 'uns-reader', password: 'pw-123' });
    const lines = banner.split('\n').map((l) => l.trim());
    expect(lines).toContain("mosquitto_sub -h 127.0.0.1 -p 41883 -u uns-reader -P 'pw-123' -t 'uns/#' -v");
    expect(lines).toContain('uns-reader       reads uns/# only: publishes nothing, may not subscribe to #, $SYS or Sparkplug');
    expect(lines).toContain("causeway-hub     the hub's Sparkplug host: the only login that may send NCMD/DCMD");
    expect(lines).toContain("causeway-uns     the hub's UNS publisher: the only login that writes uns/#");
    expect(lines).toContain('compressor-edge  the compressor: publishes only under spBv1.0/Springfield/<type>/Utilities-Edge');
  });

  it('prints no broker logins for the simulated plant', () => {
    expect(demoBanner('http://127.0.0.1:8080')).not.toContain('Broker logins');
  });
});
