import { Field, InputType, Int, ObjectType } from "type-graphql";

// Fields that a message's content shows and a send takes alike, declared once. The classes
// these make are not in the schema themselves: ImageContent / ImageContentInput and
// FileContent / FileContentInput extend them, each describing the URLs it shows or takes.

/** The fields of an image, by URL. */
export function imageFields(urlDescription: string) {
  @ObjectType({ simpleResolvers: true })
  @InputType()
  abstract class ImageFields {
    @Field(() => String, { description: urlDescription })
    url!: string;

    @Field(() => Int, { nullable: true, description: "Width in pixels." })
    width?: number;

    @Field(() => Int, { nullable: true, description: "Height in pixels." })
    height?: number;

    @Field(() => Int, { nullable: true, description: "Size in bytes." })
    sizeBytes?: number;

    @Field(() => String, { nullable: true, description: "A thumbnail URL." })
    thumbnailUrl?: string;
  }
  return ImageFields;
}

/** The fields of a file, by URL. */
export function fileFields(urlDescription: string) {
  @ObjectType({ simpleResolvers: true })
  @InputType()
  abstract class FileFields {
    @Field(() => String, { description: urlDescription })
    url!: string;

    @Field(() => String, { description: "The file name." })
    name!: string;

    @Field(() => Int, { nullable: true, description: "Size in bytes." })
    sizeBytes?: number;
  }
  return FileFields;
}
