import { graphql } from "./gql/index.js";

// The documents this client sends. graphql-codegen types each one from schema.graphql:
// the variables it takes and the exact shape of its answer.

/** A user's profile and presence, with their friends. */
export const UserWithFriends = graphql(`
  query UserWithFriends($app: ID, $userId: ID!) {
    user(app: $app, id: $userId) {
      id
      name
      presence
    }
    friends(app: $app, userId: $userId) {
      nodes {
        userId
        alias
      }
    }
  }
`);

/** A text from one user to others. */
export const SendText = graphql(`
  mutation SendText($app: ID, $from: ID!, $to: [ID!]!, $text: String!) {
    sendMessage(
      app: $app
      input: { from: $from, toUserIds: $to, content: { text: { text: $text } } }
    ) {
      recipientId
      messageId
      error {
        code
        message
      }
    }
  }
`);

/** Messages as they are sent, in one app. */
export const MessagesSent = graphql(`
  subscription MessagesSent($app: ID) {
    events(app: $app, types: [MESSAGE_SENT]) {
      __typename
      ... on MessageSentEvent {
        message {
          senderId
          content {
            __typename
            ... on TextContent {
              text
            }
          }
        }
      }
    }
  }
`);
