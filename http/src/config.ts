/**
 * The process configuration, for servers that need it without the data layer's API (the
 * dashboard's server): one parser for every process, so each reads the environment the same way.
 */
export { ConfigError, loadConfig, type Config } from '@reprise/core';
