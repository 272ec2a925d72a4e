import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { enumOf, Nullable, Text } from '../../platform/http/schemas.js';
import { readErrors, type Api } from '../../platform/http/types.js';
import { POSTCODE_SOURCES } from './postcode-layouts.js';
import { lookupPostcode } from './postcode.service.js';

const PostcodeResponse = Type.Object(
  {
    postcode: Type.String({ description: 'Normalised: upper case, one space, e.g. "M1 1AE"' }),
    latitude: Type.Number({ minimum: -90, maximum: 90, description: 'WGS 84' }),
    longitude: Type.Number({ minimum: -180, maximum: 180, description: 'WGS 84' }),
    local_authority_code: Nullable(Text),
    ward_code: Nullable(Text),
    terminated: Type.Boolean({ description: 'No longer in use (ONSPD only)' }),
    source: enumOf(POSTCODE_SOURCES, 'Where the row came from; "synthetic (demo)" is made up'),
  },
  { additionalProperties: false },
);

// Postcodes are open data (ONSPD and Code-Point Open are OGL): no token needed.
export function registerPostcodes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/postcodes/:postcode',
    {
      schema: {
        tags: ['places'],
        summary: 'A postcode: where it is (WGS 84), its local authority and ward',
        params: Type.Object({
          postcode: Type.String({
            maxLength: 40,
            description: 'Any spacing and case: "M1 1AE", "m11ae"',
          }),
        }),
        querystring: Type.Object({}, { additionalProperties: false }),
        response: { 200: PostcodeResponse, ...readErrors },
      },
    },
    (req) => lookupPostcode(ctx, req.params.postcode),
  );
}
