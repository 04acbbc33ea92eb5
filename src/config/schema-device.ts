/** A source's `device:` block: the identity it declares for the asset inventory, its owner and criticality. */
import { Type, type Static } from 'typebox';

const Text = (description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: 200, description }));

export const DeviceDeclarationSchema = Type.Object(
  {
    name: Text('The asset\'s name in the inventory (default: the source id).'),
    vendor: Text('Manufacturer, e.g. "Schneider Electric".'),
    product: Text('Product, e.g. "PM5560".'),
    model: Text('Model or order number.'),
    version: Text('Firmware or software version.'),
    serial: Text('Serial number.'),
    owner: Type.Optional(Type.Object({ team: Text('The team that owns it, e.g. "OT Packaging".'), person: Text('The person responsible.') }, { additionalProperties: false })),
    criticality: Type.Optional(Type.Union([Type.Literal('low'), Type.Literal('medium'), Type.Literal('high'), Type.Literal('critical')], { description: 'How much the plant depends on it.' })),
    description: Text('What it is, where it sits.'),
  },
  {
    additionalProperties: false,
    description: 'Who the device behind this source is, for the asset inventory. What the device reports itself (OPC UA BuildInfo, Modbus device identification, a push device\'s "device" object) takes precedence over the identity declared here; owner and criticality seed the asset when it is first discovered.',
  },
);
export type DeviceDeclaration = Static<typeof DeviceDeclarationSchema>;
