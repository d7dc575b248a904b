import type { Kysely } from 'kysely'
import type { ArticleRow, ArticleRowUpdate, Database, NewArticleRow } from '../db/schema'

export async function insertArticle(db: Kysely<Database>, row: NewArticleRow): Promise<ArticleRow> {
  return db.insertInto('articles').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function findArticle(db: Kysely<Database>, id: string): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listArticles(
  db: Kysely<Database>,
  query: { status?: ArticleRow['status'] | undefined; limit: number; offset: number },
): Promise<Omit<ArticleRow, 'body'>[]> {
  let q = db
    .selectFrom('articles')
    .select(['seq', 'id', 'title', 'word_count', 'published_on', 'status', 'created_at', 'updated_at'])
    .orderBy('updated_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(query.limit)
    .offset(query.offset)
  if (query.status) q = q.where('status', '=', query.status)
  return q.execute()
}

export async function updateArticle(
  db: Kysely<Database>,
  id: string,
  changes: ArticleRowUpdate,
): Promise<ArticleRow | undefined> {
  return db.updateTable('articles').set(changes).where('id', '=', id).returningAll().executeTakeFirst()
}

export async function deleteArticle(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('articles').where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}
