import { describe, expect, it } from 'vitest';
import { aclProblems, isSparkplugCommand, TopicAcl, type AclSpec } from './broker-acl.js';

const EDGE: AclSpec = { role: 'sparkplug-edge', group: 'Springfield', node: 'Utilities-Edge' };

describe('TopicAcl', () => {
  it('grants nothing without a role or filters (deny by default)', () => {
    const acl = TopicAcl.of({});
    expect(acl.empty).toBe(true);
    expect(acl.mayPublish('a')).toBe(false);
    expect(acl.maySubscribe('#')).toBe(false);
    expect(acl.mayReceive('a')).toBe(false);
  });

  it('lets uns-reader read uns/# and nothing else', () => {
    const acl = TopicAcl.of({ role: 'uns-reader' });
    expect([acl.maySubscribe('uns/#'), acl.maySubscribe('uns/a/+'), acl.maySubscribe('#'), acl.maySubscribe('$SYS/#'), acl.maySubscribe('spBv1.0/#')]).toEqual([true, true, false, false, false]);
    expect([acl.mayPublish('uns/x'), acl.mayPublish('spBv1.0/G/NCMD/N')]).toEqual([false, false]);
    expect([acl.mayReceive('uns/a'), acl.mayReceive('other/a')]).toEqual([true, false]);
  });

  it('lets role hub do everything but $SYS, Sparkplug commands included', () => {
    const acl = TopicAcl.of({ role: 'hub' });
    expect([acl.mayPublish('uns/x'), acl.mayPublish('spBv1.0/G/NCMD/N'), acl.mayPublish('spBv1.0/G/DCMD/N/D'), acl.mayPublish('$SYS/x')]).toEqual([true, true, true, false]);
    expect([acl.maySubscribe('#'), acl.maySubscribe('$SYS/#')]).toEqual([true, false]);
  });

  it('lets role admin read everything and $SYS, and write nothing', () => {
    const acl = TopicAcl.of({ role: 'admin' });
    expect([acl.maySubscribe('#'), acl.maySubscribe('$SYS/#'), acl.mayReceive('$SYS/b/heartbeat')]).toEqual([true, true, true]);
    expect([acl.mayPublish('uns/x'), acl.mayPublish('spBv1.0/G/NCMD/N')]).toEqual([false, false]);
  });

  it('keeps an edge node to its own group and node', () => {
    const acl = TopicAcl.of(EDGE);
    const own = (t: string, d = '') => `spBv1.0/Springfield/${t}/Utilities-Edge${d}`;
    for (const t of ['NBIRTH', 'NDATA', 'NDEATH']) expect(acl.mayPublish(own(t)), t).toBe(true);
    for (const t of ['DBIRTH', 'DDATA', 'DDEATH']) expect(acl.mayPublish(own(t, '/Dev1')), t).toBe(true);
    expect(acl.mayPublish('spBv1.0/Springfield/NDATA/Other-Edge')).toBe(false);
    expect(acl.mayPublish('spBv1.0/Other/NDATA/Utilities-Edge')).toBe(false);
    expect(acl.mayPublish(own('NCMD'))).toBe(false);
    expect(acl.mayPublish('spBv1.0/STATE/causeway-demo')).toBe(false);
    expect([acl.maySubscribe(own('NCMD')), acl.maySubscribe(own('DCMD', '/+')), acl.maySubscribe('spBv1.0/STATE/causeway-demo')]).toEqual([true, true, true]);
    expect([acl.maySubscribe('spBv1.0/Springfield/NCMD/Other-Edge'), acl.maySubscribe('spBv1.0/#'), acl.maySubscribe('uns/#')]).toEqual([false, false, false]);
  });

  it('adds explicit filters to the role, but never Sparkplug commands for a non-hub user', () => {
    const acl = TopicAcl.of({ role: 'uns-reader', read: ['plant/+/status'], write: ['plant/line1/#'] });
    expect([acl.maySubscribe('plant/+/status'), acl.maySubscribe('uns/#'), acl.mayPublish('plant/line1/speed'), acl.mayPublish('plant/line2/speed')]).toEqual([true, true, true, false]);
    // Only reachable when the config check was skipped: the broker still refuses the command.
    expect(new TopicAcl({ read: [], write: ['#'], commands: false }).mayPublish('spBv1.0/G/NCMD/N')).toBe(false);
  });

  it('knows Sparkplug commands', () => {
    expect(['spBv1.0/G/NCMD/N', 'spBv1.0/G/DCMD/N/D', 'spBv1.0/G/NDATA/N', 'spBv1.0/STATE/h'].map(isSparkplugCommand)).toEqual([true, true, false, false]);
  });
});

describe('aclProblems', () => {
  const problems = (spec: AclSpec) => aclProblems(spec, 'user u').map((p) => [p.key.join('.'), p.message]);

  it('finds nothing wrong with the roles and sound filters', () => {
    for (const spec of [{}, { role: 'hub' }, { role: 'admin', read: ['$SYS/broker/#'] }, { role: 'uns-reader' }, EDGE, { read: ['plant/#'], write: ['plant/line1/+/status', 'spBv1.0/G/NDATA/N'] }] as AclSpec[]) {
      expect(problems(spec), JSON.stringify(spec)).toEqual([]);
    }
  });

  it('refuses malformed filters, naming the list and index', () => {
    expect(problems({ read: ['uns/#', 'a/#/b'], write: ['x+'] })).toEqual([
      ['read.1', expect.stringMatching(/The read filter "a\/#\/b" of user u uses # other than/)],
      ['write.0', expect.stringMatching(/The write filter "x\+" of user u uses \+ inside a level/)],
    ]);
  });

  it('refuses write filters that reach Sparkplug commands, unless the role is hub', () => {
    for (const f of ['#', 'spBv1.0/#', 'spBv1.0/+/+/N', 'spBv1.0/G/NCMD/+', 'spBv1.0/G/DCMD/N/#']) {
      expect(problems({ write: [f] }), f).toEqual([['write.0', expect.stringMatching(/would let it send Sparkplug commands \(NCMD, DCMD\), which only the hub may send/)]]);
    }
    expect(problems({ role: 'hub', write: ['#'] })).toEqual([]);
  });

  it('keeps $SYS for role admin and $ topics out of write lists', () => {
    expect(problems({ read: ['$SYS/#'] })).toEqual([['read.0', expect.stringMatching(/\$SYS and other \$ topics are for role admin only/)]]);
    expect(problems({ role: 'admin', write: ['$SYS/x'] })).toEqual([['write.0', expect.stringMatching(/topics starting with \$ belong to the broker/)]]);
  });

  it('needs group and node for sparkplug-edge, as single levels, and nowhere else', () => {
    expect(problems({ role: 'sparkplug-edge' })).toEqual([['group', 'user u has role sparkplug-edge but no group.'], ['node', 'user u has role sparkplug-edge but no node.']]);
    expect(problems({ role: 'sparkplug-edge', group: 'G', node: '+' })).toEqual([['node', expect.stringMatching(/"\+" of user u is not a single topic level/)]]);
    expect(problems({ role: 'uns-reader', group: 'G' })).toEqual([['group', 'user u sets group, which only role sparkplug-edge uses.']]);
  });
});
