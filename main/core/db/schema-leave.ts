// Tables of the leave area (drizzle). drizzle-kit reads every main/core/db/schema*.ts file.
export {};
