import type { FixSpec, Snippet } from '../types';
import { javaString } from '../escape';
import { describe, list, VARY_BY_FRAMEWORK } from './common';
import { m } from '../../i18n/msg';

export function spring(spec: FixSpec): Snippet {
  const body = [
    '    CorsConfiguration config = new CorsConfiguration();',
    `    config.setAllowedOrigins(List.of(${javaString(spec.origin)})); // exact origin; Spring adds Vary: Origin`,
    `    config.setAllowedMethods(List.of(${list([spec.method], javaString)}));`,
  ];
  if (spec.requestHeaders.length) body.push(`    config.setAllowedHeaders(List.of(${list(spec.requestHeaders, javaString)}));`);
  if (spec.credentials) body.push('    config.setAllowCredentials(true);');
  if (spec.preflight) body.push(`    config.setMaxAge(${spec.maxAge}L);`);
  const code = [
    `// ${describe(spec)}`,
    'import java.util.List;',
    'import org.springframework.context.annotation.Bean;',
    'import org.springframework.web.cors.CorsConfiguration;',
    'import org.springframework.web.cors.CorsConfigurationSource;',
    'import org.springframework.web.cors.UrlBasedCorsConfigurationSource;',
    '',
    '// In a @Configuration class:',
    '@Bean',
    'CorsConfigurationSource corsConfigurationSource() {',
    ...body,
    '    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();',
    `    source.registerCorsConfiguration(${javaString(spec.pathPrefix + '**')}, config);`,
    '    return source;',
    '}',
    '',
    '// With Spring Security, let it answer preflights before authentication:',
    '// http.cors(Customizer.withDefaults());',
  ];
  return {
    stack: 'spring',
    label: 'Spring (CorsConfigurationSource)',
    language: 'java',
    code: code.join('\n'),
    notes: [VARY_BY_FRAMEWORK(), m('fix_stack_spring_security')],
  };
}
