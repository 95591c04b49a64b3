import pkg from '../package.json' with { type: 'json' };

/** The action's version, as SARIF's tool.driver.version and in logs. */
export const VERSION: string = pkg.version;
