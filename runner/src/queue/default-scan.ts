// The worker's default scan function: the engine, plugged in here and only here.
export { scan as defaultRunScan } from '../scanner/engine.js';
