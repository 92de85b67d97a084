import { describe, expect, it } from 'vitest';
import { matchName, nameIndexOf } from './names';

const GROUP_WORD = /^(กลุ่มอาชีพ|กลุ่ม)\s*/;
const groups = nameIndexOf(
  [
    { id: 1, name: 'กลุ่มทอผ้าไหมบ้านนาเมือง', within: 'ในเมือง' },
    { id: 2, name: 'กลุ่มจักสานบ้านนา', within: 'ขามใหญ่' },
    { id: 3, name: 'กลุ่มจักสานบ้านนา', within: 'ปทุม' },
    { id: 4, name: 'กลุ่มแม่บ้านแปรรูปปลา', within: null },
    { id: 5, name: 'กลุ่มสมุนไพรบ้านดอน', within: 'ในเมือง' },
  ],
  GROUP_WORD,
);
const top = (text: string, within?: string) => {
  const m = matchName(groups, text, within);
  return { status: m.status, id: m.record?.id, codes: m.suggestions.map((s) => s.code) };
};

describe('matchName (a district’s groups)', () => {
  it('is exact on the same letters, spaces, punctuation and tone marks aside', () => {
    expect(top('กลุ่มทอผ้าไหมบ้านนาเมือง')).toMatchObject({ status: 'exact', id: 1 });
    expect(top(' กลุ่ม ทอผ้าไหม บ้านนาเมือง ')).toMatchObject({ status: 'exact', id: 1 });
    expect(top('กลุมแมบานแปรรูปปลา')).toMatchObject({ status: 'exact', id: 4 });
  });

  it('tells namesakes apart by their subdistrict, and never picks one of two a name fits equally', () => {
    expect(top('กลุ่มจักสานบ้านนา', 'ปทุม')).toMatchObject({ status: 'exact', id: 3 });
    expect(top('กลุ่มจักสานบ้านนา')).toEqual({ status: 'ambiguous', id: undefined, codes: ['2', '3'] });
    expect(top('กลุ่มจักสานบ้านนา', 'หนองขอน')).toEqual({ status: 'ambiguous', id: undefined, codes: ['2', '3'] });
    expect(matchName(groups, 'กลุ่มจักสานบ้านนา').suggestions[0].name).toBe('กลุ่มจักสานบ้านนา (ขามใหญ่)');
  });

  it('suggests a group for a misspelt or shortened name, the word "กลุ่ม" left out of the score', () => {
    expect(top('กลุ่มสมุนไพรบ้านดร')).toMatchObject({ status: 'suggested', codes: ['5'] });
    expect(top('ทอผ้าไหมบ้านนาเมือง')).toMatchObject({ status: 'suggested', codes: ['1'] });
    expect(top('กลุ่มทอผ้าไหม')).toMatchObject({ status: 'suggested', codes: ['1'] });
    // Two groups alike only in being groups: nothing to suggest.
    expect(top('กลุ่มเลี้ยงโคขุน')).toEqual({ status: 'unknown', id: undefined, codes: [] });
    expect(top('')).toMatchObject({ status: 'unknown' });
  });
});
