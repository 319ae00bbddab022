//! Editing press materials and their parts: fields from a version, subjects, quotes and
//! media assets replaced whole, each write audited, bad items named by their index.

use kinograph::{
    domain::viewer::Role,
    entities::{film, organization, person},
    graphql::types::id::NodeType,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::common::{Answer, TestApp};

const CREATE: &str = "mutation($input: CreatePressMaterialInput!) { createPressMaterial(input: $input) { pressMaterial { id version } } }";

struct Editor<'a> {
    app: &'a TestApp,
    bearer: String,
}

impl Editor<'_> {
    async fn run(&self, query: &str, variables: Value) -> Answer {
        self.app
            .query_with(query, variables, &[("authorization", &self.bearer)])
            .await
    }
}

async fn ids(app: &TestApp) -> (String, String, String) {
    let film = film::Entity::find()
        .filter(film::Column::Slug.eq("sample-northern-route"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let org = organization::Entity::find()
        .filter(organization::Column::Slug.eq("moskino"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let person = person::Entity::find().one(&app.db).await.unwrap().unwrap();
    (
        NodeType::Film.id(film.id).to_string(),
        NodeType::Organization.id(org.id).to_string(),
        NodeType::Person.id(person.id).to_string(),
    )
}

#[tokio::test]
async fn an_editor_builds_a_press_release_part_by_part() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let editor = Editor {
        app: &app,
        bearer: format!("Bearer {key}"),
    };
    let (film, org, person) = ids(&app).await;
    let created = editor
        .run(
            CREATE,
            json!({ "input": { "slug": "route-premiere", "kind": "PRESS_RELEASE", "title": { "ru": "Премьера" } } }),
        )
        .await
        .ok();
    let id = created.data()["createPressMaterial"]["pressMaterial"]["id"].clone();

    let updated = editor
        .run(
            "mutation($input: UpdatePressMaterialInput!) { updatePressMaterial(input: $input) { pressMaterial { version title(locale: EN) lead(locale: RU) } } }",
            json!({ "input": { "id": id, "expectedVersion": 1, "title": { "en": "Premiere" }, "lead": { "ru": "Коротко" } } }),
        )
        .await
        .ok();
    assert_eq!(
        updated.data()["updatePressMaterial"]["pressMaterial"],
        json!({ "version": 2, "title": "Premiere", "lead": "Коротко" })
    );

    let subjects = editor
        .run(
            "mutation($input: SetPressSubjectsInput!) { setPressSubjects(input: $input) { pressMaterial { version subjects { ... on Film { slug } ... on Organization { slug } } } } }",
            json!({ "input": { "pressMaterial": id, "expectedVersion": 2, "subjects": [film, org] } }),
        )
        .await
        .ok();
    assert_eq!(
        subjects.data()["setPressSubjects"]["pressMaterial"],
        json!({ "version": 3, "subjects": [{ "slug": "sample-northern-route" }, { "slug": "moskino" }] })
    );

    let quotes = editor
        .run(
            "mutation($input: SetPressQuotesInput!) { setPressQuotes(input: $input) { pressMaterial { quotes { text(locale: RU) person { id } } } } }",
            json!({ "input": { "pressMaterial": id, "quotes": [{ "person": person, "text": { "ru": "Это важно." } }] } }),
        )
        .await
        .ok();
    assert_eq!(
        quotes.data()["setPressQuotes"]["pressMaterial"]["quotes"],
        json!([{ "text": "Это важно.", "person": { "id": person } }])
    );

    let assets = editor
        .run(
            "mutation($input: SetMediaAssetsInput!) { setMediaAssets(input: $input) { assets { url mimeType purpose } } }",
            json!({ "input": { "owner": id, "assets": [{ "purpose": "ATTACHMENT", "kind": "DOCUMENT", "url": "https://example.org/kit.pdf", "mimeType": "application/pdf" }] } }),
        )
        .await
        .ok();
    assert_eq!(
        assets.data()["setMediaAssets"]["assets"],
        json!([{ "url": "https://example.org/kit.pdf", "mimeType": "application/pdf", "purpose": "ATTACHMENT" }])
    );

    let log = editor
        .run(
            "query($id: ID!) { auditLog(entity: $id, first: 10) { nodes { action changes { field } } } }",
            json!({ "id": id }),
        )
        .await
        .ok();
    let fields: Vec<String> = log.data()["auditLog"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let fields: Vec<&str> = n["changes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["field"].as_str().unwrap())
                .collect();
            format!("{} {}", n["action"].as_str().unwrap(), fields.join(","))
        })
        .collect();
    assert_eq!(fields[0], "UPDATE assets");
    assert_eq!(fields[1], "UPDATE quotes");
    assert_eq!(fields[2], "UPDATE subjects");
    assert_eq!(fields[3], "UPDATE leadRu,titleEn,version");
    assert!(fields[4].starts_with("CREATE "), "{}", fields[4]);
    assert_eq!(fields.len(), 5);
}

#[tokio::test]
async fn bad_parts_are_named_by_their_index_and_nothing_is_replaced() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let editor = Editor {
        app: &app,
        bearer: format!("Bearer {key}"),
    };
    let (film, org, _) = ids(&app).await;
    let created = editor
        .run(
            CREATE,
            json!({ "input": { "slug": "route-news", "kind": "NEWS", "title": { "en": "News" } } }),
        )
        .await
        .ok();
    let id = created.data()["createPressMaterial"]["pressMaterial"]["id"].clone();
    let set = "mutation($input: SetPressSubjectsInput!) { setPressSubjects(input: $input) { pressMaterial { version } } }";
    editor
        .run(
            set,
            json!({ "input": { "pressMaterial": id, "subjects": [film] } }),
        )
        .await
        .ok();
    let missing_org = NodeType::Organization.id(999_999).to_string();
    for (subjects, field) in [
        (json!([org, missing_org]), "subjects[1]"),
        (json!([film, film]), "subjects[1]"),
        (json!([NodeType::Screening.id(1)]), "subjects[0]"),
    ] {
        let answer = editor
            .run(
                set,
                json!({ "input": { "pressMaterial": id, "subjects": subjects } }),
            )
            .await;
        assert_eq!(answer.code(), Some("BAD_USER_INPUT"), "{}", answer.body);
        assert_eq!(answer.body["errors"][0]["extensions"]["field"], field);
    }
    let assets = "mutation($input: SetMediaAssetsInput!) { setMediaAssets(input: $input) { assets { url } } }";
    for (asset, field) in [
        (
            json!({ "purpose": "ATTACHMENT", "kind": "IMAGE", "url": "ftp://x.org/a.jpg", "mimeType": "image/jpeg" }),
            "assets[0].url",
        ),
        (
            json!({ "purpose": "ATTACHMENT", "kind": "IMAGE", "url": "https://x.org/a.jpg", "mimeType": "jpeg" }),
            "assets[0].mimeType",
        ),
        (
            json!({ "purpose": "POSTER", "kind": "IMAGE", "url": "https://x.org/a.jpg", "mimeType": "image/jpeg" }),
            "assets[0].purpose",
        ),
    ] {
        let answer = editor
            .run(
                assets,
                json!({ "input": { "owner": id, "assets": [asset] } }),
            )
            .await;
        assert_eq!(answer.code(), Some("BAD_USER_INPUT"), "{}", answer.body);
        assert_eq!(answer.body["errors"][0]["extensions"]["field"], field);
    }
    let still = editor
        .run(
            "query($id: ID!) { node(id: $id) { ... on PressMaterial { version subjects { ... on Film { slug } } assets { url } } } }",
            json!({ "id": id }),
        )
        .await
        .ok();
    assert_eq!(
        still.data()["node"],
        json!({ "version": 2, "subjects": [{ "slug": "sample-northern-route" }], "assets": [] })
    );
}
