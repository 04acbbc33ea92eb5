/**
 * Lazy, paged browsing: one level of one node per call, at most `pageSize` references, the rest
 * behind a cursor (the server's continuation point). A folder of 100,000 nodes costs the hub one
 * page at a time. Continuation points are a scarce server resource: the few newest stay open, older
 * ones are released. Variables come with their data type, value and access level (browse-details.ts).
 */
import { BrowseDirection, NodeClass, NodeClassMask, resolveNodeId, type BrowseResult, type ClientSession } from 'node-opcua';
import { CausewayError } from '../../core/errors.js';
import type { BrowseNode } from '../types.js';
import { VariableDetails } from './browse-details.js';

/** Where browsing starts without an address: the Objects folder. */
export const OBJECTS_FOLDER = 'i=85';
/** Continuation points kept open per session; browsing further from an older cursor starts that level again. */
export const MAX_OPEN_CURSORS = 4;
/** The nodes a tag can be made of, and the folders and objects that hold them. */
const NODE_CLASSES = NodeClassMask.Object | NodeClassMask.Variable | NodeClassMask.View;

/** Node classes that hold other nodes when browsed for tags. */
function mayHaveChildren(nodeClass: NodeClass): boolean {
  return nodeClass === NodeClass.Object || nodeClass === NodeClass.View;
}

/** The nodes of one browse result, as the hub shows them. */
export function nodesOf(result: Pick<BrowseResult, 'references'>): BrowseNode[] {
  return (result.references ?? []).map((r) => ({
    address: r.nodeId.toString(),
    name: r.displayName?.text || r.browseName?.name || r.nodeId.toString(),
    hasChildren: mayHaveChildren(r.nodeClass),
    type: NodeClass[r.nodeClass],
  }));
}

/** Browsing on one session. */
export class Browser {
  readonly #session: ClientSession;
  readonly #sourceId: string;
  readonly #details: VariableDetails;
  /** Open continuation points, oldest first, by cursor text. */
  readonly #open: string[] = [];

  constructor(session: ClientSession, sourceId: string, pageSize: number) {
    this.#session = session;
    this.#sourceId = sourceId;
    this.#details = new VariableDetails(session);
    // Applies to every Browse request of this session.
    this.#session.requestedMaxReferencesPerNode = pageSize;
  }

  /** The children of `address` (default the Objects folder), or the next page behind `cursor`. */
  async browse(address?: string, cursor?: string): Promise<{ nodes: BrowseNode[]; cursor?: string }> {
    const where = address ?? OBJECTS_FOLDER;
    const fail = (reason: string, cause?: unknown) => new CausewayError('CW_SOURCE_BROWSE_FAILED', { source: this.#sourceId, address: where, reason }, cause ? { cause } : {});
    let result: BrowseResult;
    if (cursor !== undefined) {
      const at = this.#open.indexOf(cursor);
      if (at < 0) throw fail('the cursor is no longer valid (the source reconnected, or many browses ran since); browse this node again');
      this.#open.splice(at, 1);
      result = await this.#session.browseNext(Buffer.from(cursor, 'base64url'), false).catch((e: unknown) => Promise.reject(fail('the server did not answer the browse', e)));
    } else {
      let nodeId;
      try {
        nodeId = resolveNodeId(where);
      } catch (e) {
        throw fail('it is not a node id such as ns=2;s=Line1 or i=85', e);
      }
      result = await this.#session
        .browse({ nodeId, browseDirection: BrowseDirection.Forward, referenceTypeId: 'HierarchicalReferences', includeSubtypes: true, nodeClassMask: NODE_CLASSES, resultMask: 0x3f })
        .catch((e: unknown) => Promise.reject(fail('the server did not answer the browse', e)));
    }
    if (!result.statusCode.isGood()) throw fail(`the server answered ${result.statusCode.name}`);
    const next = result.continuationPoint && result.continuationPoint.length > 0 ? this.#keep(result.continuationPoint) : undefined;
    return { nodes: await this.#details.fill(nodesOf(result)), ...(next ? { cursor: next } : {}) };
  }

  /** Keep a continuation point open, releasing the oldest beyond MAX_OPEN_CURSORS. */
  #keep(point: Buffer): string {
    const cursor = point.toString('base64url');
    this.#open.push(cursor);
    while (this.#open.length > MAX_OPEN_CURSORS) {
      const oldest = this.#open.shift()!;
      this.#session.browseNext(Buffer.from(oldest, 'base64url'), true).catch(() => undefined);
    }
    return cursor;
  }
}
