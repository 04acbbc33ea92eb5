/**
 * Vendor aliases, built from the vendor names of the CISA ICS advisories of 2023 (as the generic
 * rules leave them: lower case, no punctuation, no legal suffix) and the names devices report.
 * An alias may hold only for some product lines: Allen-Bradley is Rockwell Automation's hardware
 * brand, so "Allen-Bradley" is "Rockwell Automation" for controllers, I/O, drives and HMIs, not for
 * a product Allen-Bradley never made.
 */

export interface VendorAlias {
  /** The canonical name, as shown in reasons. */
  canonical: string;
  /** Other names (any case and punctuation; the generic rules are applied to them). */
  names: string[];
  /** Only when the asset's product or model matches one of these (case-insensitive). */
  productLines?: { label: string; pattern: RegExp };
}

/** Allen-Bradley's product lines and catalogue-number prefixes. */
const ALLEN_BRADLEY_LINES = /\b(?:control|compact|guard|micro|flex|soft)logix|\bcompact guardlogix|\bmicro ?8\d0|\bslc ?500|\bplc-?5|\bpowerflex|\bpanelview|\bkinetix|\bstratix|\barmor(?:block|point|start|kinetix)|\bpoint i\/?o|\bflex(?: ?5000| i\/?o)|\bguardmaster|\b(?:1732[ed]?|1734|1738|1746|1747|1756|1761|1762|1763|1764|1766|1769|1783|1794|2080|2198|2711[prc]?|5069|5094|20|25)-/i;

export const VENDOR_ALIASES: VendorAlias[] = [
  { canonical: 'Rockwell Automation', names: ['Rockwell', 'Rockwell Software', 'Rockwell Automation Inc.'] },
  {
    canonical: 'Rockwell Automation',
    names: ['Allen-Bradley', 'Allen Bradley', 'AB'],
    productLines: { label: 'Allen-Bradley hardware lines (ControlLogix, CompactLogix, MicroLogix, PowerFlex, PanelView, Stratix, 1756-/1769-/5069- catalogue numbers …)', pattern: ALLEN_BRADLEY_LINES },
  },
  { canonical: 'Siemens', names: ['Siemens AG', 'Siemens Industry', 'Siemens Digital Industries'] },
  { canonical: 'Schneider Electric', names: ['Schneider', 'Schneider Electric SE', 'Schneider Electric Industries'] },
  { canonical: 'Mitsubishi Electric', names: ['Mitsubishi', 'Mitsubishi Electric Corporation', 'Mitsubishi Electric India', 'Mitsubishi Electric Europe', 'MELCO'] },
  { canonical: 'ICONICS', names: ['ICONICS, Mitsubishi Electric', 'ICONICS Inc.'] },
  { canonical: 'Hitachi Energy', names: ['ABB Power Grids', 'Hitachi ABB Power Grids'] },
  { canonical: 'Johnson Controls', names: ['Johnson Controls Inc.', 'Johnson Controls International', 'JCI'] },
  { canonical: 'GE', names: ['General Electric', 'GE Digital'] },
  { canonical: 'Delta Electronics', names: ['Delta Electronics Inc.'] },
  { canonical: 'Omron', names: ['Omron Corporation', 'Omron Industrial Automation'] },
  { canonical: 'Phoenix Contact', names: ['Phoenix Contact GmbH & Co. KG', 'Phoenix Contact Electronics'] },
  { canonical: 'WAGO', names: ['WAGO Kontakttechnik', 'WAGO GmbH & Co. KG'] },
  { canonical: 'B&R Industrial Automation', names: ['B&R', 'B&R Automation', 'Bernecker + Rainer', 'BR Automation'] },
  { canonical: 'CODESYS', names: ['CODESYS, GmbH', '3S-Smart Software Solutions', '3S'] },
  { canonical: 'Keysight Technologies', names: ['Keysight'] },
  { canonical: 'Fujitsu', names: ['Fujitsu Limited', 'Fujitsu Software'] },
  { canonical: 'Bently Nevada', names: ['Baker Hughes - Bently Nevada', 'Baker Hughes Bently Nevada'] },
  { canonical: 'LS Electric', names: ['LS ELECTRIC, LS Industrial Systems (LSIS) Co. Ltd-', 'LS Industrial Systems', 'LSIS'] },
  { canonical: 'Franklin Fueling Systems', names: ['Franklin Electric Fueling Systems', 'Franklin Fueling System'] },
  { canonical: 'SAUTER', names: ['SAUTER Controls', 'Fr. Sauter AG'] },
  { canonical: 'Becton Dickinson', names: ['Becton, Dickinson and Company (BD)', 'BD'] },
  { canonical: 'PiiGAB', names: ['PiiGAB, Processinformation i Göteborg Aktiebolag', 'PiiGAB, Processinformation i G\uFFFDteborg Aktiebolag'] },
  { canonical: 'Digi International', names: ['Digi', 'Digi International, Inc.'] },
  { canonical: 'Honeywell', names: ['Honeywell International', 'Honeywell Process Solutions'] },
  { canonical: 'Emerson', names: ['Emerson Electric', 'Emerson Process Management'] },
  { canonical: 'Yokogawa', names: ['Yokogawa Electric', 'Yokogawa Electric Corporation'] },
  { canonical: 'Hikvision', names: ['Hangzhou Hikvision Digital Technology'] },
  { canonical: 'Open Design Alliance', names: ['Open Design Alliance (ODA)', 'ODA'] },
  { canonical: 'Schweitzer Engineering Laboratories', names: ['SEL'] },
  { canonical: 'PTC', names: ['Kepware', 'PTC Kepware'] },
  { canonical: 'Red Lion', names: ['Red Lion Controls'] },
  { canonical: 'Weintek', names: ['Weintek Labs', 'Weinview'] },
  { canonical: 'JTEKT', names: ['JTEKT ELECTRONICS CORPORATION', 'JTEKT Electronics'] },
  { canonical: 'Trane', names: ['Trane Technologies'] },
  { canonical: 'Panasonic', names: ['Panasonic Industry'] },
  { canonical: 'Teltonika', names: ['Teltonika Networks'] },
  { canonical: 'EnOcean', names: ['EnOcean Edge Inc, a subsidiary of EnOcean GmbH-', 'EnOcean Edge'] },
  { canonical: 'mySCADA', names: ['mySCADA Technologies'] },
  { canonical: 'Fuji Electric', names: ['Fuji Electric Co., Ltd.'] },
  { canonical: 'SOCOMEC', names: ['Socomec'] },
];
