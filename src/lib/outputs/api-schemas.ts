import { API_PATHS } from './api-feeds.ts';

/**
 * JSON Schemas (draft 2020-12) of the public API files. The build publishes them next to the files,
 * the press guide (docs/press.md) documents them, and the tests validate every built file against them.
 */

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const appealId = { type: 'string', pattern: '^\\d{4}-\\d{4}$' } as const;
const url = { type: 'string', format: 'uri', pattern: '^https?://' } as const;
const text = { type: 'string', minLength: 1 } as const;

export function appealsSchema(site: string | URL) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: new URL(API_PATHS.appealsSchema, site).href,
    title: 'Active missing-children appeals, version 1',
    description:
      'Every active appeal, newest published first. An appeal that closes leaves this file at the next publish and appears in removals.json.',
    type: 'object',
    additionalProperties: false,
    required: ['$schema', 'version', 'generated', 'count', 'appeals'],
    properties: {
      $schema: { type: 'string' },
      version: { const: 1 },
      generated: { ...date, description: 'The date the file was built (Europe/London).' },
      count: { type: 'integer', minimum: 0 },
      appeals: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: [
            'id',
            'url',
            'name',
            'knownAs',
            'ageNow',
            'ageNowIsEstimate',
            'sex',
            'missingSince',
            'place',
            'town',
            'region',
            'force',
            'urgent',
            'thumbnailUrl',
            'shareCardUrl',
            'published',
            'updated',
          ],
          properties: {
            id: {
              ...appealId,
              description: 'The appeal reference; it never changes and is part of the URL.',
            },
            url: {
              ...url,
              description:
                'The appeal page. Link to this; it stays valid after the appeal closes and then shows a notice.',
            },
            name: text,
            knownAs: { type: 'array', items: text },
            ageNow: { type: 'integer', minimum: 0 },
            ageNowIsEstimate: {
              type: 'boolean',
              description: 'True when only an age at disappearance is known.',
            },
            sex: { enum: ['female', 'male'] },
            missingSince: {
              type: 'string',
              pattern: '^\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2})?$',
              description: 'A date, or a date and UK time.',
            },
            place: text,
            town: text,
            region: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'name'],
              properties: { id: text, name: text },
            },
            force: {
              type: 'object',
              additionalProperties: false,
              required: ['name', 'reference'],
              properties: {
                name: text,
                reference: { ...text, description: 'Quote this when calling the police.' },
              },
            },
            urgent: { type: 'boolean' },
            thumbnailUrl: { ...url, description: 'A small JPEG of the main photo, without metadata.' },
            shareCardUrl: { ...url, description: 'A 1200×630 JPEG share card.' },
            published: date,
            updated: date,
          },
        },
      },
    },
  } as const;
}

export function removalsSchema(site: string | URL) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: new URL(API_PATHS.removalsSchema, site).href,
    title: 'Closed appeals to take down, version 1',
    description:
      'Appeals that are no longer active, most recently closed first. Remove every copy of each one. Never holds a name or photo.',
    type: 'object',
    additionalProperties: false,
    required: ['$schema', 'version', 'generated', 'count', 'removals'],
    properties: {
      $schema: { type: 'string' },
      version: { const: 1 },
      generated: date,
      count: { type: 'integer', minimum: 0 },
      removals: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'url', 'closedAt'],
          properties: { id: appealId, url, closedAt: date },
        },
      },
    },
  } as const;
}
