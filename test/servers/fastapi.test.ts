import { describeStack } from './support/runner';
import { fastapiAdapter } from './stacks/fastapi';

describeStack(fastapiAdapter);
