interface ImportMetaEnv {
  /** True only under `astro dev` (see src/integrations/draft-preview.ts). */
  readonly NEWSROOM_PREVIEW: boolean;
}
