import { describeStack } from './support/runner';
import { caddyAdapter } from './stacks/caddy';

describeStack(caddyAdapter);
