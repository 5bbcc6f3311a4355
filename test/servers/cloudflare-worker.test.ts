import { describeStack } from './support/runner';
import { cloudflareWorkerStack } from './stacks/cloudflare-worker';

describeStack(cloudflareWorkerStack);
