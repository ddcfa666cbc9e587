/**
 * Astro's commands contact no one: imported first by astro.config.mjs, so that it holds before
 * anything else the config loads runs — and fails, when the content is broken, which Astro would
 * report. Astro would send each command, with details of the machine, to its telemetry service,
 * and `astro dev` would ask the npm registry whether a newer Astro exists; a newsroom's machines
 * handle unpublished, market-moving releases. Either variable set by the user is kept (README,
 * "Builds contact no one").
 */
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
process.env.ASTRO_DISABLE_UPDATE_CHECK ??= 'true';

export {};
