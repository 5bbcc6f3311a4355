import { describeStack } from './support/runner';
import { apacheAdapter } from './stacks/apache';

describeStack(apacheAdapter);
