import { describe, expect, it } from 'vitest';
import { productKey, vendorKey } from './normalize.js';

describe('vendor names', () => {
  /** Vendor spellings found in the 2023 CISA set (ICSA id) or reported by devices, and the key they meet at. */
  const SAME: [string, string, string][] = [
    ['Siemens AG', 'Siemens', 'legal suffix "ag" dropped'],
    ['Rockwell Automation ', 'Rockwell Automation', 'case, spacing and punctuation'],
    [' Hitachi Energy', 'Hitachi Energy', 'case, spacing and punctuation'],
    ['Mitsubishi Electric Corporation', 'Mitsubishi Electric', 'legal suffix "corporation" dropped'],
    ['Mitsubishi Electric India', 'Mitsubishi Electric', 'alias: "Mitsubishi Electric India" is "Mitsubishi Electric"'],
    ['Schneider', 'Schneider Electric', 'alias: "Schneider" is "Schneider Electric"'],
    ['Johnson Controls Inc.', 'Johnson Controls', 'legal suffix "inc" dropped'],
    ['CODESYS, GmbH', 'CODESYS', 'legal suffix "gmbh" dropped'],
    ['Control By Web', 'ControlByWeb', 'case, spacing and punctuation'],
    ['SUBNET Solutions Inc.', 'Subnet Solutions Inc.', 'legal suffix "inc" dropped'],
    ['Becton, Dickinson and Company (BD)', 'BD', 'alias: "BD" is "Becton Dickinson"'],
    ['Sensormatic Electronics, LLC, a subsidiary of Johnson Controls Inc.', 'Sensormatic Electronics', '"subsidiary of" clause dropped'],
    ['LS ELECTRIC, LS Industrial Systems (LSIS) Co. Ltd-', 'LS Electric', 'text in parentheses dropped'],
    ['Baker Hughes - Bently Nevada', 'Bently Nevada', 'alias: "Baker Hughes - Bently Nevada" is "Bently Nevada"'],
    ['ABB Power Grids', 'Hitachi Energy', 'alias: "ABB Power Grids" is "Hitachi Energy"'],
    ['Franklin Electric Fueling Systems ', 'Franklin Fueling System ', 'alias'],
    ['OPTO 22', 'Opto22', 'case, spacing and punctuation'],
    ['PiiGAB, Processinformation i G\uFFFDteborg Aktiebolag', 'PiiGAB', 'alias'],
  ];
  for (const [a, b, rule] of SAME) {
    it(`"${a}" = "${b}"`, () => {
      const ka = vendorKey(a);
      const kb = vendorKey(b);
      expect(ka.key).toBe(kb.key);
      expect([...ka.rules, ...kb.rules].join(' | ')).toContain(rule);
    });
  }

  it('keeps different companies apart', () => {
    for (const [a, b] of [['Siemens', 'Siemens Energy'], ['Delta Electronics', 'Delta Controls'], ['Mitsubishi Electric', 'ICONICS'], ['Johnson Controls', 'Sensormatic Electronics']]) {
      expect(vendorKey(a!).key, `${a} / ${b}`).not.toBe(vendorKey(b!).key);
    }
  });

  it('"Allen-Bradley" is Rockwell Automation only for the product lines where that holds', () => {
    const rockwell = vendorKey('Rockwell Automation').key;
    const hw = vendorKey('Allen-Bradley', 'ControlLogix 5580 1756-L85E');
    expect(hw.key).toBe(rockwell);
    expect(hw.rules.join(' ')).toContain('Allen-Bradley hardware lines');
    expect(vendorKey('Allen-Bradley', '1756-EN2TR/C').key).toBe(rockwell);
    expect(vendorKey('Allen-Bradley', 'FactoryTalk View SE').key).not.toBe(rockwell);
    // An advisory's own vendor name is not a device's claim: the alias applies.
    expect(vendorKey('Allen-Bradley').key).toBe(rockwell);
  });
});

describe('product names', () => {
  it('drops noise words, parentheses and plurals, and keeps order numbers', () => {
    const k = productKey('SIMATIC S7-1500 CPU 1510SP F-1 PN (6ES7510-1SJ00-0AB0)', 'Siemens');
    expect(k.key).toBe('simatic s7 1500 cpu 1510sp f 1 pn');
    expect(k.orderNumbers).toEqual(['6ES75101SJ000AB0']);
    expect(productKey('ControlLogix 5580 controllers').key).toBe(productKey('ControlLogix 5580 Controller').key);
    expect(productKey('1756-HIST1G/A (discontinued)').key).toBe('1756 hist1g a');
    expect(productKey('Digi ConnectCore 8X products').key).toBe('digi connectcore 8x');
  });
  it('drops the vendor name at the start and reads a version in the name', () => {
    expect(productKey('Rockwell Automation KEPServer Enterprise', 'Rockwell Automation').key).toBe('kepserver enterprise');
    const tia = productKey('TIA Project-Server V16');
    expect(tia.key).toBe('tia project server');
    expect(tia.nameVersion?.raw).toBe('v16');
  });
});
