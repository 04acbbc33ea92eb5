/** The `broker:` block of the hub config is part of the one config schema (src/config/schema.ts). */
export { BrokerConfigSchema, BrokerUserSchema, type BrokerConfig, type BrokerUserConfig } from '../config/schema.js';
