/**
 * The files published releases attach (`attachments:`), each at `/attachments/<file>`, byte for byte
 * as in content/attachments/. A file no published release lists — a draft's, or one whose release
 * is under embargo — is not written, so it cannot go out before its release.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { cacheKey } from '../../lib/cache-key';
import { getNewsroom, type Attachment } from '../../newsroom';

export const getStaticPaths = (async () =>
  (await getNewsroom()).attachments.map((attachment) => ({
    params: { file: attachment.file },
    props: { attachment },
    // Written again only when its bytes change.
    cacheKey: cacheKey(
      'attachment',
      attachment.type,
      createHash('sha256').update(readFileSync(attachment.source)).digest('hex'),
    ),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { source, type } = props.attachment as Attachment;
  return new Response(readFileSync(source), { headers: { 'Content-Type': type } });
};
