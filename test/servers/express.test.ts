import { describeStack } from './support/runner';
import { expressStack } from './stacks/express';

describeStack(expressStack);
