import { describe, expect, it } from 'vitest';
import { declaredDevice } from './device.js';

describe('push device declaration', () => {
  it('takes the known text keys of the device object and ignores the rest', () => {
    expect(declaredDevice({ device: { vendor: 'Schneider Electric', firmware: ' 2.7.4 ', colour: 'red', serial: 5 }, samples: [] })).toEqual({ manufacturer: 'Schneider Electric', softwareVersion: '2.7.4' });
    expect(declaredDevice([{ tag: 'a', value: 1 }])).toBeUndefined();
    expect(declaredDevice({ device: 'meter' })).toBeUndefined();
  });
});
