import type { FixSpec, Snippet } from '../types';
import { csString } from '../escape';
import { describe, list } from './common';
import { m } from '../../i18n/msg';

export function aspnet(spec: FixSpec): Snippet {
  const policy = [
    `        .WithOrigins(${csString(spec.origin)})`,
    `        .WithMethods(${list([spec.method], csString)})`,
  ];
  if (spec.requestHeaders.length) policy.push(`        .WithHeaders(${list(spec.requestHeaders, csString)})`);
  if (spec.credentials) policy.push('        .AllowCredentials()');
  if (spec.preflight) policy.push(`        .SetPreflightMaxAge(TimeSpan.FromSeconds(${spec.maxAge}))`);
  const last = policy.length - 1;
  policy[last] = `${policy[last]});`;
  const code = [
    `// ${describe(spec)}`,
    '// Program.cs',
    'builder.Services.AddCors(options =>',
    '{',
    '    options.AddPolicy("CorsLens", policy => policy',
    ...policy,
    '});',
    '',
    'var app = builder.Build();',
    'app.UseRouting();',
    '// After UseRouting, before UseAuthentication/UseAuthorization: preflights are answered first.',
    'app.UseCors("CorsLens");',
    '// ASP.NET Core adds "Vary: Origin" only for multi-origin policies; the origin is echoed, so add it:',
    'app.Use(async (context, next) =>',
    '{',
    '    context.Response.Headers.Append("Vary", "Origin");',
    '    await next();',
    '});',
  ];
  return {
    stack: 'aspnet-core',
    label: 'ASP.NET Core',
    language: 'csharp',
    code: code.join('\n'),
    notes: [m('fix_stack_aspnet_exceptions')],
  };
}
