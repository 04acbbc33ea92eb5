/** The inventory's settings: the scheduled vulnerability assessment report. docs/vulnerabilities.md explains them. */
import { Type } from 'typebox';
import { DurationOf } from './schema-common.js';

export const InventorySchema = Type.Object(
  {
    report: Type.Optional(Type.Object(
      {
        every: DurationOf('How often the hub writes the assessment report (HTML, PDF, CSV) to <data dir>/reports/, e.g. 30d or 7d; at least 1h.'),
        keep: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'How many reports to keep; older ones are deleted (default 12).' })),
      },
      { additionalProperties: false, description: 'The scheduled vulnerability assessment and security audit report; each one is also a point of the posture trend.' },
    )),
  },
  { additionalProperties: false, description: 'The asset inventory and the vulnerability assessment.' },
);
