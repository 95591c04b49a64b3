/**
 * The action's version (SARIF tool.driver.version). Kept here rather than imported from package.json, which
 * would put the whole manifest into dist/index.js and make every dependency change rebuild it; a test keeps
 * the two equal.
 */
export const VERSION = '0.1.0';
