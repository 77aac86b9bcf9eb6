import { describe, expect, it } from 'vitest';
import {
  createInputFrom,
  linkStatus,
  minutesFromSeconds,
  readCreateForm,
  secondsFromMinutes,
  updateInputFrom,
  vertelLinkUrl,
  wijkenFrom,
} from './vertelpunt-form';

const MESSAGES = {
  nameEmpty: 'naam',
  audienceEmpty: 'publiek',
  questionnaireEmpty: 'vragenlijst',
  durationInvalid: 'duur',
};

const formOf = (values: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.set(name, value);
  return form;
};

describe('creating a vertelpunt', () => {
  it('turns the form into the API input, minutes into seconds', () => {
    const values = readCreateForm(
      formOf({ name: ' Buurthuis ', audience: 'inwoner', questionnaireId: 'q1', wijkId: '', minutes: '10' }),
    );
    expect(createInputFrom(values, MESSAGES)).toEqual({
      input: { name: 'Buurthuis', audience: 'inwoner', questionnaireId: 'q1', maxRecordingSeconds: 600 },
      problems: [],
    });
  });

  it('uses the default length when none is given and passes a chosen wijk', () => {
    const values = readCreateForm(formOf({ name: 'A', audience: 'wijkcoach', questionnaireId: 'q1', wijkId: 'w1' }));
    expect(createInputFrom(values, MESSAGES).input).toMatchObject({ wijkId: 'w1', maxRecordingSeconds: 900 });
  });

  it('names every missing or wrong field', () => {
    const values = readCreateForm(formOf({ audience: 'iedereen', minutes: '500' }));
    expect(createInputFrom(values, MESSAGES)).toEqual({
      input: null,
      problems: [
        { field: 'name', message: 'naam' },
        { field: 'audience', message: 'publiek' },
        { field: 'questionnaireId', message: 'vragenlijst' },
        { field: 'maxRecordingSeconds', message: 'duur' },
      ],
    });
  });
});

describe('changing a vertelpunt', () => {
  it('clears the wijk with null', () => {
    expect(updateInputFrom({ name: 'A', wijkId: '', minutes: '15' }, MESSAGES).input).toEqual({
      name: 'A',
      wijkId: null,
      maxRecordingSeconds: 900,
    });
  });
});

describe('recording length', () => {
  it('reads minutes with a Dutch comma and keeps to the API limits', () => {
    expect(secondsFromMinutes('0,5')).toBe(30);
    expect(secondsFromMinutes('120')).toBe(7200);
    expect(secondsFromMinutes('0,4')).toBeNull();
    expect(secondsFromMinutes('121')).toBeNull();
    expect(secondsFromMinutes('tien')).toBeNull();
  });

  it('shows seconds as minutes the Dutch way', () => {
    expect(minutesFromSeconds(900)).toBe('15');
    expect(minutesFromSeconds(30)).toBe('0,5');
  });
});

describe('vertel-links', () => {
  it('builds the public address from the site origin', () => {
    expect(vertelLinkUrl('https://vertelpunt.example.nl/', 'abc_123')).toBe(
      'https://vertelpunt.example.nl/vertel/abc_123',
    );
  });

  it('tells a working, a revoked and an unneeded link apart', () => {
    expect(linkStatus({ audience: 'inwoner', linkToken: 't' })).toBe('actief');
    expect(linkStatus({ audience: 'inwoner', linkToken: null })).toBe('ingetrokken');
    expect(linkStatus({ audience: 'wijkcoach', linkToken: null })).toBe('nietNodig');
  });

  it("collects the organisation's wijken from wijk questions and vertelpunten, sorted", () => {
    const wijken = wijkenFrom(
      [
        {
          current: {
            questions: [
              {
                type: 'wijk',
                options: [
                  { id: 'z', label: 'Zuid' },
                  { id: 'n', label: 'Noord' },
                ],
              },
            ],
          },
        },
      ],
      [{ wijk: { id: 'c', name: 'Centrum' } }, { wijk: null }],
    );
    expect(wijken).toEqual([
      { id: 'c', name: 'Centrum' },
      { id: 'n', name: 'Noord' },
      { id: 'z', name: 'Zuid' },
    ]);
  });
});
