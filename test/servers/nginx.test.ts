import { describeStack } from './support/runner';
import { nginxAdapter } from './stacks/nginx';

describeStack(nginxAdapter);
