import { instrumentItems } from '@resonet/core';
import { centreTrainingNeeds } from '@resonet/fixtures';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../src/i18n/catalog';
import { SHIPPED_BRANDING } from '../src/pack/shipped';
import { MemoryMemberStore } from '../src/storage/members';
import { MemoryResultStore } from '../src/storage/results';
import { ChannelChat, cardOf, makeBot, said } from './support/bot';
import { buttons } from './support/client';
import { typedAnswer } from './support/conversation';

const items = new Map(instrumentItems(centreTrainingNeeds).map(({ item }) => [item.id, item]));

/** Starts the training-needs assessment and answers it through card submits to the review. */
async function completeByCards(chat: ChannelChat) {
  await chat.click({ action: 'start' });
  await chat.click({ action: 'instrument', id: centreTrainingNeeds.id });
  let replies = await chat.click({ action: 'centre', id: 'example-resource-centre-vn' });
  for (let guard = 0; guard < 100; guard++) {
    const card = cardOf(replies.at(-1));
    const answer = buttons(card).find((a) => a.data.action === 'answer');
    if (!answer) return replies;
    const itemId = answer.data.itemId as string;
    const input = card?.body.find((e) => e.id === 'answer');
    const value = input?.choices?.[0]?.value ?? typedAnswer(items.get(itemId) as never, 'en');
    replies = await chat.click({ action: 'answer', itemId, answer: value });
  }
  throw new Error('no review reached');
}

describe('the bot on botbuilder’s TestAdapter', () => {
  it('welcomes on install in Teams (once) and answers in Vietnamese from the clientInfo locale', async () => {
    const harness = makeBot();
    const chat = new ChannelChat(harness, 'msteams');
    const welcome = await chat.send({ type: 'installationUpdate', action: 'add' });
    expect(cardOf(welcome[0])?.body[0]?.text).toBe(SHIPPED_BRANDING.welcome.en);
    const again = await chat.send({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'example-bot', name: 'resonet' }],
    });
    expect(again).toEqual([]);
    const replies = await chat.send({
      type: 'message',
      text: 'ngôn ngữ',
      entities: [{ type: 'clientInfo', locale: 'vi-VN' }],
    });
    expect(replies[0]?.text).toBe(CATALOGS.en.languageSet);
    const answer = await chat.send('Vai trò của một ITTC là gì?');
    expect(said(answer)).toContain('giáo dục');
  });

  it('walks a Teams member through an assessment with card submits, stores the result and lists it', async () => {
    const harness = makeBot();
    const chat = new ChannelChat(harness, 'msteams');
    const review = await completeByCards(chat);
    expect(said(review)).toContain(CATALOGS.en.review);
    const results = await chat.click({ action: 'submit' });
    expect(said(results)).toContain(CATALOGS.en.submitted);
    const stored = await harness.results.query();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      respondentId: 'example-user-1',
      centreId: 'example-resource-centre-vn',
    });
    const list = await chat.send('my results');
    expect(buttons(cardOf(list[0]))[0]?.data).toEqual({ action: 'show-result', id: stored[0]?.id });
    const exported = await chat.click({ action: 'export', id: stored[0]?.id, format: 'md' });
    // Teams takes no data-URL files from bots: the export comes as a Markdown code block.
    expect(exported.at(-1)?.text).toContain('```');
  });

  it('offers exports as file attachments in Web Chat and falls back to text on plain channels', async () => {
    const harness = makeBot();
    const web = new ChannelChat(harness, 'webchat');
    await completeByCards(web);
    await web.click({ action: 'submit' });
    const [stored] = await harness.results.query();
    const exported = await web.click({ action: 'export', id: stored?.id, format: 'csv' });
    const file = exported
      .flatMap((a) => a.attachments ?? [])
      .find((a) => a.contentType === 'text/csv');
    expect(file?.name).toBe('centre-training-needs-2026-11-23.csv');
    const csv = Buffer.from(String(file?.contentUrl).split(',')[1] ?? '', 'base64').toString(
      'utf8',
    );
    expect(csv).toContain('centre-training-needs');

    const plain = new ChannelChat(makeBot(), 'test');
    const replies = await plain.send('start');
    expect(replies[0]?.attachments).toBeUndefined();
    expect(replies.map((r) => r.text).join('\n')).toContain(CATALOGS.en.chooseInstrument);
  });

  it('resumes after a restart at the same question when storage survives', async () => {
    const results = new MemoryResultStore();
    const members = new MemoryMemberStore(results);
    const first = new ChannelChat(makeBot({ members, results }), 'msteams');
    await first.click({ action: 'start' });
    await first.click({ action: 'instrument', id: centreTrainingNeeds.id });
    await first.send('My example centre');
    await first.send('4');
    await first.send('2');
    await first.send('pause');
    const second = new ChannelChat(makeBot({ members, results }), 'msteams');
    const resumed = await second.send('continue');
    expect(said(resumed)).toContain('Welcome back! You are at question 3 of');
  });

  it('welcomes each conversation once, and keeps that with the member’s state across a restart', async () => {
    const results = new MemoryResultStore();
    const members = new MemoryMemberStore(results);
    const welcome = SHIPPED_BRANDING.welcome.en;
    const first = new ChannelChat(makeBot({ members, results }), 'msteams');
    expect(said(await first.send('What is Treatnet?'))).toContain(welcome);
    expect(said(await first.send('What is Treatnet?'))).not.toContain(welcome);
    // One read and one commit per turn: the flag was stored in the member's commit.
    expect(
      (
        await members.readTurn(
          'resonet/members/msteams/example-user-1',
          'resonet/conversations/msteams/example-conversation-msteams',
        )
      ).conversation,
    ).toEqual({ welcomed: true });
    const restarted = new ChannelChat(makeBot({ members, results }), 'msteams');
    expect(said(await restarted.send('What is Treatnet?'))).not.toContain(welcome);
    // Another conversation of the same member is welcomed in its turn.
    const other = new ChannelChat(makeBot({ members, results }), 'msteams', {
      conversationId: 'example-conversation-2',
    });
    expect(said(await other.send('What is Treatnet?'))).toContain(welcome);
  });

  it('answers in group chats and channels only when mentioned, without the mention text', async () => {
    const chat = new ChannelChat(makeBot(), 'msteams', { conversationType: 'groupChat' });
    expect(await chat.send('What is Treatnet?')).toEqual([]);
    const mention = {
      type: 'mention',
      mentioned: { id: 'example-bot', name: 'resonet' },
      text: '<at>resonet</at>',
    };
    const replies = await chat.send({
      type: 'message',
      text: '<at>resonet</at> What is Treatnet?',
      entities: [mention],
    });
    expect(said(replies)).toContain('Treatnet');
    expect(said(replies)).not.toContain('<at>');
  });

  it('ignores a redelivered activity (same id)', async () => {
    const harness = makeBot();
    const chat = new ChannelChat(harness, 'msteams');
    await chat.click({ action: 'start' });
    await chat.click({ action: 'instrument', id: centreTrainingNeeds.id });
    await chat.send('Example centre');
    const first = await chat.send({ type: 'message', id: 'retry-1', text: '3' });
    expect(said(first)).toContain('Question 2 of');
    const retry = await chat.send({ type: 'message', id: 'retry-1', text: '3' });
    expect(retry).toEqual([]);
    const now = await chat.send('back');
    expect(said(now)).toContain('Question 1 of');
  });

  it('tells the user plainly when storing fails, keeps the answers, and recovers', async () => {
    const results = new MemoryResultStore();
    const save = results.save.bind(results);
    let failing = true;
    results.save = async (result) => {
      if (failing) throw new Error('database unavailable');
      return save(result);
    };
    const harness = makeBot({ results });
    const chat = new ChannelChat(harness, 'msteams');
    await completeByCards(chat);
    const failed = await chat.click({ action: 'submit' });
    const reference = /reference (\w+)/.exec(said(failed))?.[1];
    expect(reference).toMatch(/^[0-9a-f]{8}$/);
    expect(harness.logs.text).toContain(reference);
    failing = false;
    const retried = await chat.click({ action: 'submit' });
    expect(said(retried)).toContain(CATALOGS.en.submitted);
    expect(await results.query()).toHaveLength(1);
  });

  it('starts afresh, with a notice, when the stored state is unreadable', async () => {
    const harness = makeBot();
    const chat = new ChannelChat(harness, 'msteams');
    await chat.send('hello');
    const key = 'resonet/members/msteams/example-user-1';
    const stored = await harness.members.read(key);
    expect(stored).toBeDefined();
    await harness.members.commit(key, stored?.eTag, {
      member: { step: 'answering', session: 'garbage' },
    });
    const replies = await chat.send('start');
    expect(said(replies)).toContain('could not read your saved progress');
    expect(said(replies)).toContain(CATALOGS.en.chooseInstrument);
  });

  it('keeps message text, answers and names out of the log', async () => {
    const harness = makeBot();
    const chat = new ChannelChat(harness, 'msteams');
    await chat.send('A very particular question about Treatnet phases');
    await completeByCards(chat);
    await chat.send('pause');
    await chat.send('continue');
    expect(harness.logs.lines.length).toBeGreaterThan(5);
    expect(harness.logs.text).not.toContain('particular question');
    expect(harness.logs.text).not.toContain('Example member');
    expect(harness.logs.text).not.toContain('example-user-1');
    expect(harness.logs.text).not.toContain(
      typedAnswer(items.get('barrier-details') as never, 'en'),
    );
  });

  it('shows coordinators the submissions and refuses others', async () => {
    const results = new MemoryResultStore();
    const member = new ChannelChat(makeBot({ results }), 'msteams');
    await completeByCards(member);
    await member.click({ action: 'submit' });
    expect(said(await member.send('summary'))).toContain(CATALOGS.en.notCoordinator);
    const coordinator = new ChannelChat(
      makeBot({ results, coordinators: ['example-coordinator'] }),
      'msteams',
      {
        userId: 'example-coordinator',
      },
    );
    const list = await coordinator.send('submissions');
    expect(said(list)).toContain('Submitted assessments (1)');
    expect(said(await coordinator.send('summary'))).toContain('Network summary');
  });

  it('pages the submissions for coordinators, newest first, older ones a button away', async () => {
    const results = new MemoryResultStore();
    const member = new ChannelChat(makeBot({ results }), 'msteams');
    await completeByCards(member);
    await member.click({ action: 'submit' });
    const [done] = await results.query();
    if (!done) throw new Error('nothing submitted');
    for (let i = 0; i < 34; i++)
      await results.save({ ...done, id: `example-older-${i}`, submittedAt: '2026-01-05' });
    const coordinator = new ChannelChat(
      makeBot({ results, coordinators: ['example-coordinator'] }),
      'msteams',
      { userId: 'example-coordinator' },
    );
    const first = await coordinator.send('submissions');
    expect(said(first)).toContain('Submitted assessments (35)');
    const card = cardOf(first.at(-1));
    const older = buttons<{ title?: string; data: Record<string, unknown> }>(card as never).find(
      (b) => b.title === CATALOGS.en.olderSubmissions,
    );
    expect(JSON.stringify(card)).toContain('2026-11-23');
    if (!older) throw new Error('no button for older submissions');
    const second = await coordinator.click(older.data);
    const rest = cardOf(second.at(-1));
    const facts = rest?.body.find((e) => e.type === 'FactSet') as { facts: unknown[] } | undefined;
    expect(facts?.facts).toHaveLength(5);
    expect(JSON.stringify(rest)).not.toContain(CATALOGS.en.olderSubmissions);
  });

  it('deletes a member’s results and state on “delete my data”, and nobody else’s', async () => {
    const results = new MemoryResultStore();
    const harness = makeBot({ results });
    const mine = new ChannelChat(harness, 'msteams');
    await completeByCards(mine);
    await mine.click({ action: 'submit' });
    const other = new ChannelChat(harness, 'msteams', {
      userId: 'example-user-2',
      conversationId: 'c2',
    });
    await completeByCards(other);
    await other.click({ action: 'submit' });
    expect(await results.query()).toHaveLength(2);
    await mine.send('delete my data');
    const done = await mine.click({ action: 'yes' });
    expect(said(done)).toContain(CATALOGS.en.forgotten);
    expect((await results.query()).map((r) => r.respondentId)).toEqual(['example-user-2']);
    expect(await harness.members.read('resonet/members/msteams/example-user-1')).toBeUndefined();
    expect(await harness.members.read('resonet/members/msteams/example-user-2')).toBeDefined();
  });
});
