import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldProblem } from '@vertelpunt/domain';

const flatten = (errors: ValidationError[], prefix = ''): FieldProblem[] =>
  errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });

/** class-validator failures become one BAD_USER_INPUT with a problem per field. */
export const createValidationPipe = () =>
  new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => new DomainError('BAD_USER_INPUT', 'Niet alle velden zijn goed ingevuld.', flatten(errors)),
  });
