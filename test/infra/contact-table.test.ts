import { App, Stack } from 'aws-cdk-lib';
import { Capture, Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { tableDefinition } from '../../functions/adapters/dynamodb/table-definition';
import { ContactTable } from '../../infra/constructs/contact-table';

function synth(production: boolean): Template {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Test');
  new ContactTable(stack, 'Data', { production });
  return Template.fromStack(stack);
}

describe('ContactTable', () => {
  it('is on-demand, encrypted, point-in-time recoverable, with TTL on the adapters’ attribute', () => {
    synth(false).hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: tableDefinition().timeToLiveAttribute, Enabled: true },
      Replicas: [
        Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
      ],
    });
  });

  it('has exactly the keys and indexes the DynamoDB adapters use', () => {
    const indexes = new Capture();
    synth(false).hasResourceProperties('AWS::DynamoDB::GlobalTable', { GlobalSecondaryIndexes: indexes });
    const names = (indexes.asArray() as { IndexName: string }[]).map((i) => i.IndexName).sort();
    expect(names).toEqual(
      tableDefinition()
        .globalSecondaryIndexes.map((i) => i.indexName)
        .sort(),
    );
  });

  it('is protected from deletion and retained in production only', () => {
    const prod = synth(true);
    prod.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain' });
    prod.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })],
    });
    synth(false).hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
  });

  it('keeps a generated PIN pepper with the table: retained with it in production, removed with it elsewhere', () => {
    const prod = synth(true);
    prod.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        GenerateSecretString: Match.objectLike({ PasswordLength: 48, ExcludePunctuation: true }),
      }),
    });
    synth(false).hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Delete' });
  });
});
