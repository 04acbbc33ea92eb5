/** The syntax tree of an expression. Every node keeps its 0-based position for error messages. */

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=';
export type LogicalOp = '&&' | '||';
export type UnaryOp = '-' | '!';

export type Node =
  | { readonly type: 'literal'; readonly pos: number; readonly value: number | string | boolean | null }
  | { readonly type: 'variable'; readonly pos: number; readonly name: string }
  | { readonly type: 'member'; readonly pos: number; readonly object: Node; readonly name: string }
  | { readonly type: 'index'; readonly pos: number; readonly object: Node; readonly index: Node }
  | { readonly type: 'unary'; readonly pos: number; readonly op: UnaryOp; readonly operand: Node }
  | { readonly type: 'binary'; readonly pos: number; readonly op: BinaryOp; readonly left: Node; readonly right: Node }
  | { readonly type: 'logical'; readonly pos: number; readonly op: LogicalOp; readonly left: Node; readonly right: Node }
  | { readonly type: 'conditional'; readonly pos: number; readonly test: Node; readonly then: Node; readonly otherwise: Node }
  | { readonly type: 'call'; readonly pos: number; readonly name: string; readonly args: readonly Node[] };

/** The direct children of a node, in source order. */
export function childrenOf(node: Node): readonly Node[] {
  switch (node.type) {
    case 'literal':
    case 'variable':
      return [];
    case 'member':
      return [node.object];
    case 'index':
      return [node.object, node.index];
    case 'unary':
      return [node.operand];
    case 'binary':
    case 'logical':
      return [node.left, node.right];
    case 'conditional':
      return [node.test, node.then, node.otherwise];
    case 'call':
      return node.args;
  }
}

/** Visit every node, parents before children, in source order. */
export function walk(node: Node, visit: (n: Node) => void): void {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    visit(n);
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}
