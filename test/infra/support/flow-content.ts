import { Match } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';

function marker(part: unknown): string {
  const p = part as Record<string, unknown>;
  if (Array.isArray(p['Fn::GetAtt'])) return `<GetAtt:${(p['Fn::GetAtt'] as string[]).join('.')}>`;
  if (typeof p.Ref === 'string') return `<Ref:${p.Ref}>`;
  return `<${Object.keys(p)[0] ?? 'intrinsic'}>`;
}

/**
 * A flow's Content as deployed: a plain string, or the Fn::Join CloudFormation resolves at deploy time,
 * flattened with each token shown as <GetAtt:LogicalId.Attribute> or <Ref:LogicalId>.
 */
export function flowText(content: unknown): string {
  if (typeof content === 'string') return content;
  const join = (content as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (!join) throw new Error(`unexpected flow content ${JSON.stringify(content)}`);
  return join[1].map((part) => (typeof part === 'string' ? part : marker(part))).join(join[0]);
}

/** Asserts that a flow's Content, once its tokens are shown as markers, is JSON matching the pattern. */
export function expectFlowJson(content: unknown, pattern: object): void {
  const result = Match.serializedJson(pattern).test(flowText(content));
  expect(result.hasFailed(), result.toHumanStrings().join('\n')).toBe(false);
}
