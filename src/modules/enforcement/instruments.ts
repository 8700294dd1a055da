/**
 * 监督文书 of 行政执法监督条例 (国务院令, 2026-02-01 施行): 行政执法监督通知书 (requires correction),
 * 行政执法监督决定书 (orders it), 行政执法监督建议书. Issued and numbered by the 司法局 (武司监〔2026〕N号),
 * owned by the supervised agency so its 法制员 reads it.
 */
import { z } from 'zod';
import { registerInstrumentType, type Block } from '../../platform/instruments/registry';
import { registerInstrumentEntity } from '../../platform/instruments/service';
import { chineseDate } from '../../platform/instruments/blocks';
import { docKinds, ENTITY, PERM } from './terms';

registerInstrumentEntity({ entityType: ENTITY.doc, readPermission: PERM.read });

const fields = z.object({
  agencyName: z.string().min(2, '请填写被监督机关'),
  subject: z.string().min(2, '请填写监督事项'),
  facts: z.string().min(2, '请写明发现的问题'),
  basis: z.string().default('《行政执法监督条例》'),
  items: z.array(z.object({ item: z.string().min(1), deadline: z.string() })).min(1, '至少一项整改要求'),
  supervisorName: z.string().min(2),
  date: z.string().optional(),
});
type Fields = z.infer<typeof fields>;

const cn = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? chineseDate(d) : d);

function body(kind: keyof typeof docKinds) {
  return (f: Fields): Block[] => {
    const ask =
      kind === 'notice' ? '现通知你单位对下列问题予以纠正，并在期限内将整改情况书面报送本机关：'
      : kind === 'decision' ? '经审查，本机关决定责令你单位对下列问题予以纠正，并在期限内将纠正情况书面报送本机关：'
      : '为规范行政执法行为，本机关建议你单位：';
    return [
      { kind: 'recipient', text: f.agencyName },
      { kind: 'paragraph', text: `本机关在行政执法监督中，对你单位${f.subject}进行了监督检查，发现存在以下问题：` },
      { kind: 'paragraph', text: f.facts },
      { kind: 'paragraph', text: `根据${f.basis}的规定，${ask}` },
      ...f.items.map((i, n) => ({ kind: 'paragraph' as const, text: `${n + 1}. ${i.item}（${kind === 'suggestion' ? '请于' : '整改期限：'}${cn(i.deadline)}${kind === 'suggestion' ? '前反馈采纳情况' : '前'}）。` })),
      ...(kind === 'decision' ? [{ kind: 'paragraph' as const, text: '你单位对本决定有异议的，可以自收到本决定书之日起向本机关提出书面意见。' }] : []),
      { kind: 'signature', orgName: f.supervisorName, date: f.date },
    ];
  };
}

for (const kind of Object.keys(docKinds) as (keyof typeof docKinds)[]) {
  registerInstrumentType<Fields>({
    type: docKinds[kind].type,
    label: docKinds[kind].label,
    typeShort: '监',
    numbered: true,
    sequence: 'enforcement.oversight',
    cite: '行政执法监督条例',
    readPermission: PERM.read,
    fields: fields as unknown as z.ZodType<Fields>,
    title: () => docKinds[kind].label,
    body: body(kind),
  });
}
